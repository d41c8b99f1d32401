"""Case file audits and dip samples: the grade scale, audit tools and their versions (`tools`), the
audits done with them (`audits`), what comes out of an audit (`outcomes`: actions, risk flags,
moderation), the audit programme (`programme`), the dashboard's day counts (`day_counts`) and the
uploads of historic audits and case lists (`imports`).
Every model is read from here."""

from .audits import (  # noqa: F401
    SEE_EVERY_AUDIT,
    Answer,
    Audit,
    AuditImportBatch,
    AuditQuerySet,
    Contribution,
    SectionResult,
)
from .day_counts import FinalGradeDay, SectionGradeDay, ThemeDay  # noqa: F401
from .imports import AuditImportUpload, CaseListUpload  # noqa: F401
from .outcomes import AuditAction, Moderation, RiskFlag  # noqa: F401
from .programme import (  # noqa: F401
    AuditPlan,
    Case,
    CaseType,
    PlannedAudit,
    ProgrammeQuerySet,
)
from .tools import (  # noqa: F401
    AuditTool,
    AuditToolVersion,
    AuditType,
    Grade,
    GradeScale,
    LearningTheme,
    Question,
    Section,
)
