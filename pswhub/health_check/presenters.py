"""How health check figures are shown: a score always with its band in words, a suppressed
group in words, never a bare blank."""

from .scoring import BAND_WORDS

BAND_TAG_CLASSES = {"low": "govuk-tag--red", "moderate": "govuk-tag--yellow", "high": "govuk-tag--green"}
RAG_TAG_CLASSES = {"red": "govuk-tag--red", "amber": "govuk-tag--orange", "green": "govuk-tag--green"}
RAG_WORDS = {"red": "Red: off track", "amber": "Amber: at risk", "green": "Green: on track", "none": "No update yet"}
NOT_SHOWN = "Not shown: too few answers"


class Present:
    @staticmethod
    def score(value):
        return NOT_SHOWN if value is None else str(value)

    @staticmethod
    def band_tag(band):
        if band is None:
            return {"text": "No band", "classes": "govuk-tag--grey"}
        return {"text": BAND_WORDS[band], "classes": BAND_TAG_CLASSES[band]}

    @staticmethod
    def rag_tag(rag):
        return {"text": RAG_WORDS.get(rag or "none"), "classes": RAG_TAG_CLASSES.get(rag, "govuk-tag--grey")}
