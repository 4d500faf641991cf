"""What an ingest did with each file, and in all."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Status = Literal["added", "updated", "unchanged", "skipped"]


@dataclass(frozen=True)
class FileOutcome:
    name: str
    status: Status
    reason: str | None = None


@dataclass
class IngestReport:
    run_id: int | None = None
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: list[FileOutcome] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.added + self.updated + self.unchanged + len(self.skipped)

    def count(self, outcome: FileOutcome) -> None:
        if outcome.status == "skipped":
            self.skipped.append(outcome)
        else:
            setattr(self, outcome.status, getattr(self, outcome.status) + 1)

    def summary(self) -> str:
        return (f"{self.total} files: {self.added} added, {self.updated} updated, "
                f"{self.unchanged} unchanged, {len(self.skipped)} skipped")
