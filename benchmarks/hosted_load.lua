-- wrk script for benchmarks/bench_hosted_load.py: the same mix as its Python generator.
--
--   wrk -t32 -c32 -d20s -s benchmarks/hosted_load.lua http://127.0.0.1:PORT -- USERS SEED DIR [KIND]
--
-- Each request is a random person with their own API token: 45% log an episode, 40% list the
-- last 30 days, 5% insights, 10% the trivial endpoint; KIND (log, list, insights or ping)
-- sends that kind alone, the ceiling. Run with one connection per thread (-t equal to -c): then request() and response() alternate in each thread, so the time
-- between them is that request's latency, recorded per kind (wrk's own histogram mixes kinds).
-- Each thread writes "kind status milliseconds" lines to DIR/thread-N.txt (line-buffered: wrk
-- never closes a thread's Lua state, and its thread:get crashes on nested tables); the Python
-- side reads them. done() prints the totals: "total REQUESTS SECONDS" and "socket_errors N".

local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } timespec;
int clock_gettime(int clock, timespec *now);
]]
local now_struct = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(1, now_struct) -- CLOCK_MONOTONIC
  return tonumber(now_struct.tv_sec) * 1000 + tonumber(now_struct.tv_nsec) / 1e6
end

local LOG_BODY = '{"region": "calf", "side": "left", "intensity": 2}'

local threads_made = 0

function setup(thread) -- runs in wrk's main Lua state; each thread's state gets its number
  threads_made = threads_made + 1
  thread:set("thread_number", threads_made)
end

function init(args)
  users = tonumber(args[1] or "1000")
  math.randomseed(tonumber(args[2] or "7") * 1000 + thread_number)
  out = assert(io.open((args[3] or ".") .. "/thread-" .. thread_number .. ".txt", "w"))
  out:setvbuf("line")
  pending_kind, pending_start = nil, nil
  local draws = { log = 1, list = 46, insights = 86, ping = 91 }
  only_draw = draws[args[4] or ""]
end

function request()
  local draw = only_draw or math.random(100)
  local headers = { ["Authorization"] = "Bearer tgapi_bench_" .. math.random(1, users) }
  local made
  if draw <= 45 then
    pending_kind = "log"
    headers["Content-Type"] = "application/json"
    made = wrk.format("POST", "/api/v1/episode", headers, LOG_BODY)
  elseif draw <= 85 then
    pending_kind = "list"
    made = wrk.format("GET", "/api/v1/episode?since=30d", headers)
  elseif draw <= 90 then
    pending_kind = "insights"
    made = wrk.format("GET", "/api/v1/insights", headers)
  else
    pending_kind = "ping"
    made = wrk.format("GET", "/api/v1/ping")
  end
  pending_start = now_ms()
  return made
end

function response(status, headers, body)
  if pending_kind ~= nil then
    out:write(pending_kind, " ", status, " ", string.format("%.3f", now_ms() - pending_start), "\n")
  end
  pending_kind = nil
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("total %d %.3f\n", summary.requests, summary.duration / 1e6))
  io.write(string.format("socket_errors %d\n",
    errors.connect + errors.read + errors.write + errors.timeout))
end
