"""Rule packs: loading TOML files, ``extends`` chains, overrides, and checking records."""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from gongkai._version import __version__
from gongkai.calendar import WorkCalendar
from gongkai.errors import PackNotFoundError, RecordError, RuleDefinitionError
from gongkai.models import Record
from gongkai.models.events import unknown_event
from gongkai.models.limits import instant
from gongkai.rules.compiled import CompiledRule, compile_rule
from gongkai.rules.definition import NotEncoded, PackSpec, RuleSpec
from gongkai.rules.derived import derive_events
from gongkai.rules.expression import EvalContext
from gongkai.rules.report import Finding, Report, ReportHeader, Status

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PACK_DIR = Path(__file__).parent / "packs"
_MAX_DEPTH = 8


def available_packs() -> list[str]:
    """The names of the bundled packs."""
    return sorted(p.stem for p in PACK_DIR.glob("*.toml"))


class Pack:
    """A loaded, compiled pack: its own rules plus those it extends, overrides applied."""

    def __init__(self, name: str, title: str, rules: list[CompiledRule], sources: list[str],
                 digest: str, chain: tuple[str, ...],
                 not_encoded: tuple[NotEncoded, ...] = ()) -> None:  # fmt: skip
        self.name = name
        self.title = title
        self.chain = chain  #: this pack and the packs it extends, nearest first
        self.files = sources
        self.hash = digest
        #: the parameter values it was loaded with; None when built in code, not by load_pack
        self.params: tuple[tuple[str, str], ...] | None = None
        self.not_encoded = not_encoded  #: the duties this pack's own file leaves out, with why
        self._rules = {r.id: r for r in rules}
        self._by_kind: dict[str, list[CompiledRule]] = {}
        for rule in rules:
            self._by_kind.setdefault(rule.spec.kind, []).append(rule)

    @property
    def rules(self) -> list[CompiledRule]:
        """Every rule in force in this pack, in load order."""
        return list(self._rules.values())

    def rule(self, rule_id: str) -> CompiledRule:
        """One rule by id; KeyError-free: raises PackNotFoundError-like RuleDefinitionError."""
        try:
            return self._rules[rule_id]
        except KeyError:
            raise RuleDefinitionError(
                f"规则包 {self.name} 中没有规则 {rule_id}",
                f"pack {self.name} has no rule {rule_id}",
            ) from None

    def has_rule(self, rule_id: str) -> bool:
        """Whether the pack has a rule with this id."""
        return rule_id in self._rules

    def rules_for(self, kind: str) -> list[CompiledRule]:
        """The rules that apply to records of ``kind``."""
        return list(self._by_kind.get(kind, []))

    def check(
        self,
        record: Record,
        as_of: datetime | date | str | None = None,
        *,
        calendar: WorkCalendar | None = None,
    ) -> Report:
        """Every rule of the record's kind evaluated on ``record`` as of ``as_of`` (default: now).

        Events after ``as_of`` are ignored, so a past decision can be reproduced.
        """
        if not isinstance(record, Record):
            raise RecordError(
                f"check 需要记录对象（Document、Meeting 等），而不是 {type(record).__name__}；"
                "JSON 请先用 load_record() 读取",
                f"check needs a record (Document, Meeting …), not {type(record).__name__}; "
                "read JSON with load_record() first",
            )
        when = instant(as_of if as_of is not None else datetime.now().astimezone(), "as_of")
        cal = calendar or WorkCalendar.default()
        kind = str(getattr(record, "kind", ""))
        unknown = unknown_event(kind, (e.name for e in record.history))
        if unknown is not None:
            raise RecordError(
                f"history.{unknown[0]}.name：{unknown[1]}",
                f"history.{unknown[0]}.name: {unknown[2]}",
            )
        events = derive_events(record, [e for e in record.history if e.at <= when], when, cal)
        ctx = EvalContext(record, events=events)
        findings: list[Finding] = []
        for rule in self._by_kind.get(kind, ()):
            if rule.spec.obligation is None:  # one finding (the common case, made directly)
                findings.append(rule.evaluate(record, events, when, cal, ctx))
            else:  # one per period
                findings.extend(rule.evaluate_all(record, events, when, cal, ctx))
        header = ReportHeader(
            pack=self.name,
            pack_hash=self.hash,
            calendar=cal.provenance,
            as_of=when,
            input_hash=hashlib.sha256(record.__pydantic_serializer__.to_json(record)).hexdigest(),
            gongkai_version=__version__,
            record_kind=kind,
            record_id=record.id,
        )
        report = Report(header=header, findings=findings)
        report._origin = (self, record)
        return report

    def guard(
        self,
        record: Record,
        event: str,
        at: datetime,
        *,
        calendar: WorkCalendar | None = None,
        also: tuple[str, ...] = (),
    ) -> list[Finding]:
        """The violated findings of the rules that guard ``event`` (``blocks``) or are named in
        ``also``, evaluated on ``record`` at ``at``: what blocks a workflow step. A guard that
        cannot be judged (``undetermined``: its period needs a year without holiday data)
        blocks too, its message saying which data to load."""
        cal = calendar or WorkCalendar.default()
        kind = str(getattr(record, "kind", ""))
        events = derive_events(record, [e for e in record.history if e.at <= at], at, cal)
        ctx = EvalContext(record, events=events)
        found = []
        for rule in self._by_kind.get(kind, []):
            if event in rule.spec.blocks or rule.id in also:
                finding = rule.evaluate(record, events, at, cal, ctx)
                if finding.is_violation or finding.status is Status.UNDETERMINED:
                    found.append(finding)
        return found

    def explain(self, rule_id: str, record: Record, as_of: datetime) -> list[tuple[str, object]]:
        """Each sub-expression of the rule's ``when`` and ``require`` with its value."""
        rule = self.rule(rule_id)
        events = [e for e in record.history if e.at <= as_of]
        ctx = EvalContext(record, events=events)
        out: list[tuple[str, object]] = []
        for expr in rule.expressions():
            out.extend(expr.explain(ctx))
        return out

    def __repr__(self) -> str:
        return f"Pack({self.name!r}, rules={len(self._rules)}, chain={list(self.chain)})"

    def __reduce__(self) -> tuple[Any, tuple[str, dict[str, str], str]]:
        """Pickled as its file and parameters (compiled rules are closures): unpickling loads
        it again and checks that its content hash is unchanged."""
        if self.params is None:
            raise TypeError(
                f"规则包 {self.name} 不是由 load_pack 读取的，无法序列化 / "
                f"pack {self.name} was not read by load_pack and cannot be pickled"
            )
        return (_reload, (self.reference, dict(self.params), self.hash))

    @property
    def reference(self) -> str:
        """What loads this pack again: a bundled pack's name (the loading side may install
        gongkai elsewhere), else the absolute path of its file."""
        if not self.files:  # built in code
            return self.name
        top = Path(self.files[0])
        return top.stem if top.parent == PACK_DIR else str(top)


def _reload(name_or_path: str, params: dict[str, str], digest: str) -> Pack:
    """``load_pack(name_or_path, params)``, refused if its content is no longer ``digest``."""
    pack = load_pack(name_or_path, params)
    if pack.hash != digest:
        raise RuleDefinitionError(
            f"规则包自序列化以来已改变（内容哈希 {digest} → {pack.hash}）",
            f"the pack changed since it was pickled (content hash {digest} -> {pack.hash})",
            file=pack.files[0],
        )
    return pack


def load_pack(name_or_path: str | Path, params: Mapping[str, str] | None = None) -> Pack:
    """Load a bundled pack by name (``"national"``, ``"xingtai"`` …) or a pack file by path.

    A name is a word without a suffix or a separator and always means a bundled pack; a
    path has one (``./national``, ``city.toml``) and always means a file, never a bundled
    pack. A relative ``extends`` is read against the folder of the file that says it.
    ``params`` sets open parameters: ``{"rule.id.param": "5个工作日"}``.
    """
    path = _resolve(name_or_path, Path.cwd())
    key = (path, tuple(sorted((params or {}).items())))
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == _stamps(cached[1].files):
        return cached[1]
    pack = _load(*key)
    _CACHE[key] = (_stamps(pack.files), pack)
    return pack


#: (file, parameters) -> (the stamps of every file of its chain, the pack loaded from them)
_CACHE: dict[tuple[Path, tuple[tuple[str, str], ...]], tuple[tuple[object, ...], Pack]] = {}


def _stamps(files: list[str]) -> tuple[object, ...]:
    """What tells whether the files changed: their modification times and sizes."""
    out: list[object] = []
    for file in files:
        try:
            stat = Path(file).stat()
            out.append((stat.st_mtime_ns, stat.st_size))
        except OSError:
            out.append(None)
    return tuple(out)


def is_pack_name(text: str) -> bool:
    """Whether ``text`` names a bundled pack (no suffix, no separator) rather than a file."""
    return not Path(text).suffix and "/" not in text and "\\" not in text


def _resolve(name_or_path: str | Path, base: Path) -> Path:
    text = str(name_or_path)
    if isinstance(name_or_path, Path) or not is_pack_name(text):
        candidate = base / text
        if candidate.is_file():
            return candidate.resolve()
        raise PackNotFoundError(f"找不到规则包文件 {text}", f"no pack file at {text}")
    bundled = PACK_DIR / f"{text}.toml"
    if bundled.is_file():
        return bundled
    hint_zh = hint_en = ""
    if (base / text).is_file():
        hint_zh = f"；要使用文件 {text}，请写作 ./{text}"
        hint_en = f"; to use the file {text}, write ./{text}"
    raise PackNotFoundError(
        f"没有名为 {text} 的规则包（可用：{', '.join(available_packs())}）{hint_zh}",
        f"no pack named {text} (available: {', '.join(available_packs())}){hint_en}",
    )


def _load(path: Path, params: tuple[tuple[str, str], ...]) -> Pack:
    chain: list[tuple[Path, PackSpec, bytes]] = []
    current: Path | None = path
    while current is not None:
        if len(chain) >= _MAX_DEPTH or any(p == current for p, _, _ in chain):
            raise RuleDefinitionError(
                "规则包 extends 形成循环或层级过深",
                "pack 'extends' chain loops or is too deep",
                file=str(current),
            )
        raw, spec = _read(current)
        _check_name(current, spec.pack.name)
        chain.append((current, spec, raw))
        extends = spec.pack.extends
        current = _resolve(extends, current.parent) if extends else None
    values = dict(params)
    merged: dict[str, tuple[RuleSpec, str]] = {}
    for file, spec, _ in reversed(chain):  # base first, so nearer packs override
        for rid in spec.pack.disable:
            if merged.pop(rid, None) is None:
                raise RuleDefinitionError(
                    f"disable 的规则 {rid} 不存在", f"disabled rule {rid} does not exist",
                    file=str(file),
                )  # fmt: skip
        own: set[str] = set()
        for rule in spec.rules:
            _check_new_id(rule, merged, own, str(file))
            if rule.overrides:
                if rule.overrides not in merged:
                    raise RuleDefinitionError(
                        f"overrides 的规则 {rule.overrides} 不存在",
                        f"overridden rule {rule.overrides} does not exist",
                        file=str(file),
                        rule_id=rule.id,
                    )
                del merged[rule.overrides]
            merged[rule.id] = (rule, str(file))
    _check_param_names(values, [spec for spec, _ in merged.values()], str(path))
    rules = [
        compile_rule(spec, file, _params_for(spec.id, values)) for spec, file in merged.values()
    ]
    configured = "".join(f"\n{k}={v}" for k, v in params).encode()  # b"" without parameters
    digest = hashlib.sha256(b"".join(raw for _, _, raw in chain) + configured).hexdigest()[:16]
    top = chain[0][1].pack
    pack = Pack(
        top.name,
        top.title,
        rules,
        [str(p) for p, _, _ in chain],
        digest,
        tuple(s.pack.name for _, s, _ in chain),
        tuple(chain[0][1].not_encoded),
    )
    pack.params = params
    return pack


def _check_name(file: Path, name: str) -> None:
    """A pack file outside the bundled ones may not take a bundled pack's name."""
    if file.parent != PACK_DIR and (PACK_DIR / f"{name}.toml").is_file():
        raise RuleDefinitionError(
            f"规则包名 {name} 已是内置规则包的名称，请另取一个名称",
            f"the pack name {name} is the name of a bundled pack: choose another",
            file=str(file),
        )


def _check_new_id(rule: RuleSpec, merged: Mapping[str, object], own: set[str], file: str) -> None:
    """A rule id is given once per pack, and an inherited one only with ``overrides``."""
    if rule.id in own:
        raise RuleDefinitionError(
            f"规则 id {rule.id} 在同一规则包中重复",
            f"rule id {rule.id} is given twice in the pack",
            file=file,
            rule_id=rule.id,
        )
    own.add(rule.id)
    if rule.id in merged and rule.overrides != rule.id:
        raise RuleDefinitionError(
            f'规则 {rule.id} 已由所继承的规则包定义；要替换它请写 overrides = "{rule.id}"',
            f"rule {rule.id} is already defined by an extended pack; to replace it, "
            f'write overrides = "{rule.id}"',
            file=file,
            rule_id=rule.id,
        )


def _check_param_names(values: Mapping[str, str], specs: list[RuleSpec], file: str) -> None:
    """A parameter value must name an open parameter of a rule of the pack."""
    known = {f"{spec.id}.{name}" for spec in specs for name in spec.params}
    unknown = sorted(set(values) - known)
    if unknown:
        listed = ", ".join(sorted(known)) or "—"
        raise RuleDefinitionError(
            f"规则包没有参数 {', '.join(unknown)}（可设参数：{listed}）",
            f"the pack has no parameter {', '.join(unknown)} (parameters: {listed})",
            file=file,
        )


def _params_for(rule_id: str, values: Mapping[str, str]) -> dict[str, str]:
    prefix = rule_id + "."
    return {k[len(prefix) :]: v for k, v in values.items() if k.startswith(prefix)}


def _read(path: Path) -> tuple[bytes, PackSpec]:
    try:
        raw = path.read_bytes()
        data: dict[str, Any] = tomllib.loads(raw.decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise RuleDefinitionError(
            f"无法读取规则包：{err}", f"cannot read the pack: {err}", file=str(path)
        ) from None
    except RecursionError:
        raise RuleDefinitionError(
            "无法读取规则包：嵌套过深", "cannot read the pack: nested too deeply", file=str(path)
        ) from None
    try:
        return raw, PackSpec.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = list(first["loc"])
        rule_id = None
        if len(loc) >= 2 and loc[0] == "rules" and isinstance(loc[1], int):
            rules = data.get("rules", [])
            if loc[1] < len(rules) and isinstance(rules[loc[1]], dict):
                rule_id = str(rules[loc[1]].get("id"))
        where = ".".join(str(p) for p in loc)
        raise RuleDefinitionError(
            f"规则包字段 {where} 有误：{first['msg']}",
            f"pack field {where} is invalid: {first['msg']}",
            file=str(path),
            rule_id=rule_id,
        ) from None
