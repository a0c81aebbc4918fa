"""The doctor report and exports: shared SVG charts, PDF, HTML, FHIR R4 and CSV (pure renderers)."""
