"""The stored shape of every synced record: its columns, their types, which a new record must
carry, their caps, choices and checksums. The server validates each pushed op against this
(inspector_server/op_validation.py) with the same validators and form fields the app uses, so a
value the app would never store is refused before it reaches the squad's record.

The columns are those of the app's SQLite schema (storage/migrations) less the sync columns and
the columns each device derives for itself; tests/forms/test_record_schema.py fails when the two
differ, so a new column cannot be forgotten here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from inspector_app.domain.entities import UNIT_KINDS
from inspector_app.domain.validators import Problem, check_phone, check_resident_id, check_uscc
from inspector_app.forms.engine import Form, Kind
from inspector_app.forms.inspection import AWARENESS_CHOICES
from inspector_app.forms.unit import UNIT_FORM

TEXT, INTEGER, REAL, JSON, TIME = "text", "integer", "real", "json", "time"
# Caps in characters: plain text, ids, lists of ids and other JSON kept in one column,
# timestamps (ISO 8601: 2026-12-02T06:00:00.000Z is 24).
TEXT_CAP, ID_CAP, JSON_CAP, TIME_CAP = 4000, 200, 16000, 40
# Whole records kept as JSON text: a thinned patrol track (500 points), a notice's content
# snapshot, a road's geometry; still inside the op cap of the server.
LARGE_CAP = 60000

Check = Callable[[str], Problem | None]


@dataclass(frozen=True)
class Column:
    """One stored field: ``required`` means a new record must carry a value (NOT NULL with no
    default); ``nullable`` that None is a stored value."""

    kind: str
    required: bool = False
    nullable: bool = False
    cap: int = TEXT_CAP
    choices: frozenset[str] | None = None
    check: Check | None = None

    @property
    def plain(self) -> bool:
        """Plain text: no time or JSON form to check."""
        return self.kind == TEXT


# name:letter[flag] — T text, I integer, R real, J JSON text, D a time or date in ISO 8601;
# "!" a new record must carry it, "?" it may be None. Kept in the schema's column order.
_TABLES: dict[str, str] = {
    "squad": "name:T! district_code:T! subdistrict_code:T?",
    "officer": "username:T! name:T! badge_no:T role:T! squad_id:T? phone:T password_hash:T active:I",
    "road_segment": "name:T! street_name:T! district_code:T! subdistrict_code:T? grid_code:T geometry:J"
                    " length_m:R road_chief:T squad_id:T?",
    "unit": "name:T! kind:T! category:T uscc:T? id_number:T? legal_person:T contact:T phone:T address:T"
            " road_segment_id:T? district_code:T subdistrict_code:T squad_id:T? lat:R? lon:R? agreement_signed:I"
            " agreement_date:D? agreement_signer:T awareness:I star_rating:I? notes:T agreement_signature:T?"
            " agreement_photo_id:T? awareness_date:D?",
    "patrol": "squad_id:T? officer_id:T! officer_ids:J road_segment_ids:J patrol_date:D! started_at:D! ended_at:D?"
              " status:T distance_m:R duration_s:I track:J summary:J review_comment:T",
    "frontage_inspection": "unit_id:T! patrol_id:T? officer_id:T! second_officer_id:T? inspected_at:D! results:J!"
                           " score:R? compliant:I! failed_duties:I awareness:T note:T photo_ids:J lat:R? lon:R?"
                           " status:T review_status:T review_comment:T revision_of:T? superseded:I",
    "review": "entity:T! entity_id:T! decision:T! comment:T reviewer_id:T! reviewed_at:D!",
    "photo": "sha256:T! original_sha256:T! taken_at:D! officer_id:T! lat:R? lon:R? place:T width:I! height:I!"
             " owner_entity:T? owner_id:T?",
    "disorder_check": "category:T! event_code:T! lat:R! lon:R! cell_x:I! cell_y:I! address:T road_segment_id:T?"
                      " grid_code:T squad_id:T? unit_id:T? party_name:T party_id_number:T party_phone:T"
                      " description:T photo_ids:J found_at:D! found_hlc:T! clock_suspect:I found_by:T!"
                      " patrol_id:T? source_inspection_id:T? repeat_of:T? status:T disposal:T deadline:D?"
                      " disposal_note:T after_photo_ids:J transfer_department:T transferred_at:D?"
                      " transferred_by:T closed_at:D? work_order_id:T?",
    "disorder_event": "check_id:T! at:D! kind:T! status_from:T status_to:T note:T officer_id:T! photo_ids:J",
    "catalog_version": "kind:T! version:T! published_by:T items:J! confirmed_codes:J imported_by:T imported_at:D!",
    "violation": "party_kind:T! party_name:T! party_id_number:T party_uscc:T party_legal_person:T party_phone:T"
                 " party_address:T identity_key:T? name_key:T? unit_id:T? squad_id:T? catalog_version:T!"
                 " item_code:T! facts:T! place:T lat:R? lon:R? occurred_at:D! officer1_id:T! officer2_id:T!"
                 " photo_ids:J source_entity:T? source_id:T? decision:T! decision_reasons:J prior_ids:J"
                 " confirmed_conditions:J overridden:I override_reason:T file_case:I deadline:D? status:T"
                 " rechecked_at:D?",
    "document": "doc_type:T! number:T! number_value:I? number_source:T year:I! squad_id:T? violation_id:T?"
                " party_name:T snapshot:J! content_sha256:T! pdf_sha256:T? issued_at:D! issued_by:T! status:T"
                " void_reason:T print_count:I",
    "voided_number": "doc_type:T! year:I! squad_id:T? number:T! reason:T! officer_id:T! voided_at:D!",
    "conflict": "entity:T! entity_id:T! field:T! base_value:J? server_value:J? device_value:J? op_id:T officer_id:T"
                " squad_id:T? detected_at:D! status:T resolution:T resolved_by:T resolved_at:D? source_device_id:T",
    "work_order": "source:T! platform_no:T! category:T! title:T description:T address:T lat:R? lon:R?"
                  " road_segment_id:T? grid_code:T squad_id:T? reporter_name:T reporter_phone:T reporter_photos:J"
                  " reported_at:D? received_at:D! limit_value:I! limit_unit:T! deadline:D! deadline_estimated:I"
                  " status:T assignee_id:T? dispatched_at:D? dispatched_by:T dispatch_method:T started_at:D?"
                  " reply_text:T before_photo_ids:J after_photo_ids:J replied_at:D? return_reason:T"
                  " extension_status:T extension_days:I? extension_reason:T original_deadline:D? shelve_reason:T"
                  " shelve_review_date:D? verify_note:T closed_at:D? closed_by:T closed_on_time:I?"
                  " satisfaction:T visit_note:T visited_at:D? disorder_check_id:T? violation_id:T?",
    "work_order_event": "order_id:T! at:D! kind:T! status_from:T status_to:T note:T officer_id:T!",
    "legal_review": "violation_id:T! doc_type:T! squad_id:T? origin:T reasons:J item_code:T laptop_decision:T"
                    " laptop_reasons:J server_decision:T server_reasons:J priors:J status:T requested_by:T!"
                    " requested_at:D! reviewer_id:T opinion:T decided_at:D?",
    "publication": "document_id:T! squad_id:T? export_id:T! file_name:T! file_format:T! published_by:T!"
                   " published_at:D!",
}
_KINDS = {"T": TEXT, "I": INTEGER, "R": REAL, "J": JSON, "D": TIME}
# Fields whose whole content is one large JSON document.
_LARGE = {("patrol", "track"), ("road_segment", "geometry"), ("document", "snapshot"),
          ("catalog_version", "items"), ("frontage_inspection", "results"), ("patrol", "summary")}


def _choices(*values: str) -> frozenset[str]:
    return frozenset(values)


# Fixed choices (the schema's CHECK constraints and the forms' fixed lists); the state machines
# of workflow fields are the server's rules, not these.
_CHOICES: dict[tuple[str, str], frozenset[str]] = {
    ("officer", "role"): _choices("officer", "supervisor", "clerk", "admin"),
    ("review", "decision"): _choices("approved", "returned", "resubmitted"),
    ("document", "status"): _choices("issued", "voided"),
    ("conflict", "status"): _choices("open", "resolved"),
    ("violation", "party_kind"): _choices("person", "unit"),
    ("work_order", "limit_unit"): _choices("hours", "days"),
    ("work_order", "status"): _choices("received", "dispatched", "handling", "replied", "closed", "returned",
                                       "shelved"),
    ("legal_review", "status"): _choices("pending", "approved", "returned"),
    ("legal_review", "origin"): _choices("laptop", "server"),
    ("frontage_inspection", "awareness"): frozenset(c.value for c in AWARENESS_CHOICES),
    ("unit", "kind"): frozenset(UNIT_KINDS),
    ("publication", "file_format"): _choices("xlsx", "csv"),
}
# The checksums and formats the app's forms and services apply to the same stored fields.
_CHECKS: dict[tuple[str, str], Check] = {
    ("violation", "party_id_number"): check_resident_id,
    ("violation", "party_uscc"): check_uscc,
    ("violation", "party_phone"): check_phone,
    ("disorder_check", "party_id_number"): check_resident_id,
    ("disorder_check", "party_phone"): check_phone,
    ("work_order", "reporter_phone"): check_phone,
}


def _column(entity: str, name: str, spec: str) -> Column:
    kind = _KINDS[spec[0]]
    flag = spec[1:]
    if kind == JSON:
        cap = LARGE_CAP if (entity, name) in _LARGE else JSON_CAP
    elif kind == TIME:
        cap = TIME_CAP
    elif name.endswith("_id") or name in ("id_number", "uscc"):
        cap = ID_CAP
    else:
        cap = TEXT_CAP
    return Column(kind, required=flag == "!", nullable=flag == "?", cap=cap,
                  choices=_CHOICES.get((entity, name)), check=_CHECKS.get((entity, name)))


def _from_form(columns: dict[str, Column], form: Form) -> None:
    """Tighten the columns a form also holds to that form's caps, checks and fixed choices."""
    for f in form.fields:
        col = columns.get(f.key)
        if col is None or f.kind not in (Kind.TEXT, Kind.MULTILINE, Kind.CHOICE):
            continue
        choices = frozenset(c.value for c in f.choices) if f.choices else col.choices
        columns[f.key] = Column(col.kind, col.required, col.nullable, f.max_length or col.cap, choices,
                                f.check or col.check)


def _build() -> dict[str, dict[str, Column]]:
    tables: dict[str, dict[str, Column]] = {}
    for entity, text in _TABLES.items():
        tables[entity] = {}
        for item in text.split():
            name, spec = item.split(":")
            tables[entity][name] = _column(entity, name, spec)
    _from_form(tables["unit"], UNIT_FORM)
    return tables


RECORDS: dict[str, dict[str, Column]] = _build()
# The fields a new record of each entity must carry.
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    entity: tuple(name for name, col in columns.items() if col.required) for entity, columns in RECORDS.items()
}
