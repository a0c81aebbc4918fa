"""Common medicine names and the classes that matter for twitching, cramps and red flags.

A short, hand-made list of generic names (and a few brand names) so a diary entry such as
"furosemide" or "sertraline" counts as its class. It is not a drug database: unknown names
simply add no class. Sources: MedlinePlus drug information and NHS medicines A to Z.
"""

from __future__ import annotations

from collections.abc import Iterable

CLASS_OF_NAME: dict[str, str] = {
    # diuretics ("water tablets")
    "furosemide": "diuretic", "frusemide": "diuretic", "bumetanide": "diuretic",
    "bendroflumethiazide": "diuretic", "hydrochlorothiazide": "diuretic",
    "indapamide": "diuretic", "chlorthalidone": "diuretic", "torasemide": "diuretic",
    "torsemide": "diuretic", "lasix": "diuretic",
    # corticosteroids
    "prednisolone": "corticosteroid", "prednisone": "corticosteroid",
    "dexamethasone": "corticosteroid", "hydrocortisone": "corticosteroid",
    "methylprednisolone": "corticosteroid",
    # stimulants
    "methylphenidate": "stimulant", "amphetamine": "stimulant",
    "lisdexamfetamine": "stimulant", "dexamfetamine": "stimulant",
    "modafinil": "stimulant", "ritalin": "stimulant", "adderall": "stimulant",
    "pseudoephedrine": "stimulant",
    # beta-agonists (inhalers)
    "salbutamol": "beta_agonist", "albuterol": "beta_agonist", "terbutaline": "beta_agonist",
    "salmeterol": "beta_agonist", "formoterol": "beta_agonist", "ventolin": "beta_agonist",
    # serotonergic antidepressants and others
    "sertraline": "ssri", "fluoxetine": "ssri", "citalopram": "ssri",
    "escitalopram": "ssri", "paroxetine": "ssri", "fluvoxamine": "ssri",
    "venlafaxine": "snri", "duloxetine": "snri", "desvenlafaxine": "snri",
    "amitriptyline": "tricyclic", "nortriptyline": "tricyclic", "clomipramine": "tricyclic",
    "phenelzine": "maoi", "tranylcypromine": "maoi", "moclobemide": "maoi",
    "selegiline": "maoi",
    "sumatriptan": "triptan", "rizatriptan": "triptan", "zolmitriptan": "triptan",
    "tramadol": "serotonergic_other", "linezolid": "serotonergic_other",
    "st john's wort": "serotonergic_other", "mirtazapine": "serotonergic_other",
    "trazodone": "serotonergic_other",
    "lithium": "lithium",
    # antipsychotics
    "haloperidol": "antipsychotic", "risperidone": "antipsychotic",
    "olanzapine": "antipsychotic", "quetiapine": "antipsychotic",
    "aripiprazole": "antipsychotic", "metoclopramide": "antipsychotic",
    # statins
    "atorvastatin": "statin", "simvastatin": "statin", "rosuvastatin": "statin",
    "pravastatin": "statin",
    # oestrogens
    "estradiol": "oestrogen", "oestradiol": "oestrogen", "ethinylestradiol": "oestrogen",
    # proton pump inhibitors (long-term use can lower magnesium)
    "omeprazole": "ppi", "esomeprazole": "ppi", "lansoprazole": "ppi",
    "pantoprazole": "ppi", "rabeprazole": "ppi",
    # anticholinesterases
    "pyridostigmine": "anticholinesterase", "neostigmine": "anticholinesterase",
    "donepezil": "anticholinesterase", "rivastigmine": "anticholinesterase",
    "galantamine": "anticholinesterase",
}  # fmt: skip


def classes_of(names: Iterable[str]) -> tuple[str, ...]:
    """The classes of the names we know, in first-seen order; unknown names add nothing."""
    found: dict[str, None] = {}
    for name in names:
        cleaned = " ".join(name.lower().split())
        words = [cleaned, *cleaned.split()]
        for word in words:
            cls = CLASS_OF_NAME.get(word)
            if cls is not None:
                found[cls] = None
                break
    return tuple(found)


# Everyday supplements: a course named with one of these words, and no kind given, is not a
# medicine for triage (starting magnesium is not "a new medicine").
SUPPLEMENT_WORDS = frozenset(
    {
        "magnesium", "potassium", "calcium", "zinc", "iron", "vitamin", "vitamins",
        "multivitamin", "b12", "folic", "omega", "fish", "melatonin", "probiotic",
        "electrolyte", "electrolytes", "creatine", "protein", "collagen", "turmeric",
    }
)  # fmt: skip


def counts_as_medicine(name: str, kind: str | None) -> bool:
    """Whether a diary course counts as a medicine when triage asks about medicines.

    A name we know as a medicine class always counts, even if entered as a supplement (St John's
    wort is sold as one). Otherwise the kind the person chose decides; with no kind, anything
    that is not an everyday supplement counts, so an unlabelled prescription is never missed.
    """
    if classes_of([name]):
        return True
    if kind is not None:
        return kind == "medicine"
    words = set(" ".join(name.lower().replace("-", " ").split()).split())
    return not words & SUPPLEMENT_WORDS
