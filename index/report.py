"""What an update did (or, dry, would do): the one report every interface prints and scripts read."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from index.plan import Plan

CHANGE_MARKS = {"added": "+", "updated": "~", "removed": "-"}


@dataclass
class UpdateReport:
    """Counts, the articles a dry run would touch, what was skipped or kept, errors, time, and a refusal."""

    added: int = 0
    updated: int = 0
    removed: int = 0
    unchanged: int = 0
    duplicates: int = 0
    chunks: int = 0
    seconds: float = 0.0
    dry_run: bool = False
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    refused: str = ""  # why nothing was written (the safety stop); "" when the update went ahead
    changes: list[dict[str, str]] = field(default_factory=list)  # dry run / refusal: {change, id, title}

    @classmethod
    def of(cls, plan: Plan, dry_run: bool) -> UpdateReport:
        """The counts and messages of a plan (errors, merged copies, kept articles, skipped inputs)."""
        return cls(
            added=len(plan.added),
            updated=len(plan.updated),
            removed=len(plan.removed),
            unchanged=len(plan.unchanged),
            duplicates=len(plan.duplicates),
            dry_run=dry_run,
            errors=[str(e) for e in plan.errors],
            notes=list(plan.duplicates) + list(plan.kept),
            skipped=[str(s) for s in plan.skipped],
        )

    def list_changes(self, plan: Plan, removed_titles: dict[str, str]) -> None:
        """Name every article the plan adds, updates or removes (ids and titles), for --dry-run and refusals."""
        self.changes = [
            *({"change": "added", "id": a.id, "title": a.title} for a in plan.added),
            *({"change": "updated", "id": a.id, "title": a.title} for a in plan.updated),
            *({"change": "removed", "id": i, "title": removed_titles.get(i, "")} for i in plan.removed),
        ]

    def summary(self) -> str:
        """One line for humans."""
        if self.refused:
            return f"refused, nothing written: {self.refused}"
        verb = "would change" if self.dry_run else "indexed"
        return (
            f"{verb}: {self.added} added, {self.updated} updated, {self.removed} removed, "
            f"{self.unchanged} unchanged, {self.duplicates} duplicates, {self.chunks} chunks written, "
            f"{len(self.errors)} errors in {self.seconds:.1f}s"
        )

    def change_lines(self) -> list[str]:
        """The listing: one '+ id  title' line per article ('+' added, '~' updated, '-' removed)."""
        return [f"{CHANGE_MARKS[c['change']]} {c['id']}  {c['title']}".rstrip() for c in self.changes]

    def as_dict(self) -> dict[str, object]:
        """The JSON form (`index --json`, `POST /api/index`)."""
        return asdict(self)
