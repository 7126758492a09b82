"""The gate every lesson and quiz entry point passes through: verification, roles and bindings."""

from __future__ import annotations

import enum
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import phonenumbers
from sqlalchemy import update
from sqlmodel import col, select
from sqlmodel.ext.asyncio.session import AsyncSession

from bot.services.attempts import AttemptKind, Attempts
from bot.services.audit import AuditLog
from bot.services.clock import Clock
from bot.services.privacy import IdentifierHasher, Kind
from bot.storage.models import Invite, Officer, Personnel

# Crockford's base32 without I, L, O, U: nothing to misread on a phone screen.
INVITE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
INVITE_LENGTH = 16  # 80 bits: guessing within 5 tries an hour is hopeless
INVITE_PREFIX = "IN"  # visible, so an invite is never mistaken for a certificate code (LB-…)
FAILURE_WINDOW = timedelta(hours=1)
VERIFICATION_FAILURES = (AttemptKind.CONTACT, AttemptKind.INVITE)
BOT_ACTOR = "bot"  # the audit actor of what the bot decides on its own


class Access(enum.Enum):
    """Why an officer may or may not open course material."""

    GRANTED = "granted"
    UNVERIFIED = "unverified"
    LAPSED = "lapsed"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"  # verified once, then removed from the approved-personnel list


class Role(enum.IntEnum):
    """Ordered: a higher role includes the lower ones."""

    OFFICER = 1
    MANAGER = 2
    ADMIN = 3


class Verification(enum.Enum):
    """The outcome of a verification attempt."""

    VERIFIED = "verified"
    FOREIGN_CONTACT = "foreign-contact"
    NOT_ON_LIST = "not-on-list"
    INVALID_CODE = "invalid-code"
    CONFLICT = "conflict"
    EXPIRED = "expired"
    COOLING_DOWN = "cooling-down"
    INVITES_PAUSED = "invites-paused"


class RoleChange(enum.Enum):
    """What an administrator's /grant_manager or /revoke_manager did."""

    DONE = "done"
    UNKNOWN_ACCOUNT = "unknown-account"
    ADMINISTRATOR = "administrator"


@dataclass(frozen=True, slots=True)
class AccessRules:
    """The policy numbers, from settings."""

    verification_days: int = 180
    invite_days: int = 7
    max_failures_per_hour: int = 5  # per account
    invite_failures_per_hour: int = 100  # all accounts together: a brake on guessing from many accounts
    lookups_per_minute: int = 10  # certificate lookups per account


class AccessService:
    """Decides who may learn, verifies accounts against the list, and manages bindings and roles."""

    def __init__(self, hasher: IdentifierHasher, audit: AuditLog, clock: Clock,
                 admin_ids: frozenset[int], rules: AccessRules = AccessRules()) -> None:
        self._hasher, self._audit, self._clock = hasher, audit, clock
        self._admin_ids = admin_ids
        self.rules = rules
        self._attempts = Attempts(hasher, clock)

    def actor(self, officer: Officer) -> str:
        """The audit identity of an account."""
        return self._hasher.telegram_account(officer.telegram_id)

    async def check(self, session: AsyncSession, officer: Officer) -> Access:
        """Whether the officer may open lessons, quizzes, reviews and certificates now."""
        if officer.telegram_id in self._admin_ids:
            return Access.GRANTED
        personnel = await session.get(Personnel, officer.personnel_ref) if officer.personnel_ref else None
        if officer.verified_at is not None and personnel is None:
            return Access.WITHDRAWN
        if personnel is None or officer.verified_at is None:
            return Access.UNVERIFIED
        now = self._clock()
        if personnel.expires is not None and personnel.expires < now.date():
            return Access.EXPIRED
        if officer.verified_at + timedelta(days=self.rules.verification_days) < now:
            return Access.LAPSED
        return Access.GRANTED

    async def may_learn(self, session: AsyncSession, officer: Officer) -> bool:
        return await self.check(session, officer) is Access.GRANTED

    async def role(self, session: AsyncSession, officer: Officer) -> Role:
        """Admins come from settings; managers from the list or an admin's grant, once verified."""
        if officer.telegram_id in self._admin_ids:
            return Role.ADMIN
        if await self.check(session, officer) is not Access.GRANTED:
            return Role.OFFICER
        personnel = await session.get(Personnel, officer.personnel_ref) if officer.personnel_ref else None
        if officer.granted_role == "manager" or (personnel is not None and personnel.role == "manager"):
            return Role.MANAGER
        return Role.OFFICER

    async def cooling_down_until(self, session: AsyncSession, officer: Officer) -> datetime | None:
        """When the officer may try again, if they used up their failed attempts."""
        window = await self._attempts.window(session, VERIFICATION_FAILURES, FAILURE_WINDOW, officer.telegram_id)
        return window.full_until(self.rules.max_failures_per_hour)

    async def invites_paused_until(self, session: AsyncSession) -> datetime | None:
        """When invite codes are accepted again, if too many wrong ones arrived from all accounts together."""
        window = await self._attempts.window(session, (AttemptKind.INVITE,), FAILURE_WINDOW)
        return window.full_until(self.rules.invite_failures_per_hour)

    async def retry_after(self, session: AsyncSession, officer: Officer, outcome: Verification) -> datetime | None:
        """For a refusal that passes with time: when to try again."""
        if outcome is Verification.INVITES_PAUSED:
            return await self.invites_paused_until(session)
        return await self.cooling_down_until(session, officer)

    async def may_look_up_certificate(self, session: AsyncSession, officer: Officer) -> bool:
        """/verify answers at most rules.lookups_per_minute lookups a minute per account; counts this one."""
        window = await self._attempts.window(session, (AttemptKind.LOOKUP,), timedelta(minutes=1), officer.telegram_id)
        if window.full_until(self.rules.lookups_per_minute):
            return False
        await self._attempts.record(session, AttemptKind.LOOKUP, officer.telegram_id)
        return True

    async def verify_contact(self, session: AsyncSession, officer: Officer, contact_user_id: int | None,
                             phone_number: str) -> Verification:
        """A shared contact proves the number only when it is the sender's own."""
        if await self.cooling_down_until(session, officer):
            return Verification.COOLING_DOWN
        if contact_user_id != officer.telegram_id:
            return await self._fail(session, officer, Verification.FOREIGN_CONTACT)
        e164 = _e164(phone_number)
        personnel = None
        if e164 is not None:
            statement = select(Personnel).where(col(Personnel.phone_hash).in_(self._hasher.forms(Kind.PHONE, e164)))
            personnel = (await session.exec(statement)).first()
        if personnel is None:
            return await self._fail(session, officer, Verification.NOT_ON_LIST)
        return await self._bind(session, officer, personnel, "phone")

    async def redeem_invite(self, session: AsyncSession, officer: Officer, code: str) -> Verification:
        """A manager's single-use code binds the account to the entry it was made for."""
        if await self.cooling_down_until(session, officer):
            return Verification.COOLING_DOWN
        if await self.invites_paused_until(session):
            return Verification.INVITES_PAUSED
        forms = self._hasher.forms(Kind.INVITE, normalise_invite(code))  # made under whichever key was current
        statement = select(Invite).where(col(Invite.code_hash).in_(forms))
        invite = (await session.exec(statement)).first()
        if invite is not None:
            await self._lock_entry(session, invite.personnel_ref)
            await session.refresh(invite)  # a redemption that held the lock before us may have used it
        if invite is None or invite.used_at is not None or invite.expires_at <= self._clock():
            outcome = await self._fail(session, officer, Verification.INVALID_CODE)
            await self._brake_invites(session)
            return outcome
        personnel = await session.get(Personnel, invite.personnel_ref)
        assert personnel is not None  # the invite's foreign key cascades on delete
        outcome = await self._bind(session, officer, personnel, "invite")
        if outcome is Verification.VERIFIED:
            invite.used_at = self._clock()
        return outcome

    async def create_invite(self, session: AsyncSession, personnel_id: str, actor: str) -> tuple[str, datetime] | None:
        """A new code for a list entry, or None when the entry does not exist. Only its hash is kept."""
        personnel = (await session.exec(select(Personnel).where(Personnel.personnel_id == personnel_id))).first()
        if personnel is None:
            return None
        code = "-".join("".join(secrets.choice(INVITE_ALPHABET) for _ in range(4)) for _ in range(INVITE_LENGTH // 4))
        code = f"{INVITE_PREFIX}-{code}"
        now = self._clock()
        expires_at = now + timedelta(days=self.rules.invite_days)
        assert personnel.id is not None
        session.add(Invite(code_hash=self._hasher.invite_code(normalise_invite(code)), personnel_ref=personnel.id,
                           created_by=actor, created_at=now, expires_at=expires_at))
        self._audit.record(session, actor, "invite.create", self._hasher.personnel(personnel_id))
        return code, expires_at

    async def unbind(self, session: AsyncSession, personnel_id: str, actor: str) -> bool:
        """Free a list entry so another account can verify for it."""
        personnel = (await session.exec(select(Personnel).where(Personnel.personnel_id == personnel_id))).first()
        bound = await self._bound_officer(session, personnel) if personnel else None
        if bound is None:
            return False
        bound.personnel_ref, bound.verified_at = None, None
        self._audit.record(session, actor, "binding.remove", self._hasher.personnel(personnel_id))
        return True

    async def set_manager(self, session: AsyncSession, telegram_id: int, granted: bool, actor: str) -> RoleChange:
        """An admin grants or withdraws the manager role of an account that has used the bot."""
        if telegram_id in self._admin_ids:
            return RoleChange.ADMINISTRATOR  # the settings decide, and an administrator is more than a manager
        officer = (await session.exec(select(Officer).where(Officer.telegram_id == telegram_id))).first()
        if officer is None:
            return RoleChange.UNKNOWN_ACCOUNT
        officer.granted_role = "manager" if granted else None
        action = "role.grant" if granted else "role.revoke"
        self._audit.record(session, actor, action, self._hasher.telegram_account(telegram_id), "manager")
        return RoleChange.DONE

    async def conflicts(self, session: AsyncSession) -> list[str]:
        """Personnel ids that a second account tried to claim, most recent first, for managers."""
        claimed = [entry.subject for entry in reversed(await self._audit.entries(session, "binding.conflict")) if entry.subject]
        variants = self._hasher.variants_of(claimed)  # the keys those entries were written under
        ids = (await session.exec(select(Personnel.personnel_id))).all()
        by_hash = {variant.digest(Kind.PERSONNEL, pid): pid for pid in ids for variant in variants}
        return list(dict.fromkeys(by_hash[h] for h in claimed if h in by_hash))

    async def _bind(self, session: AsyncSession, officer: Officer, personnel: Personnel, method: str) -> Verification:
        assert personnel.id is not None
        await self._lock_entry(session, personnel.id)
        subject = self._hasher.personnel(personnel.personnel_id)
        bound = await self._bound_officer(session, personnel)
        if bound is not None and bound.id != officer.id:
            self._audit.record(session, self.actor(officer), "binding.conflict", subject, method)
            return await self._fail(session, officer, Verification.CONFLICT, audit=False)
        if personnel.expires is not None and personnel.expires < self._clock().date():
            self._audit.record(session, self.actor(officer), "verify.refused", subject, "expired")
            return Verification.EXPIRED
        officer.personnel_ref, officer.verified_at = personnel.id, self._clock()
        self._audit.record(session, self.actor(officer), "verify.ok", subject, method)
        return Verification.VERIFIED

    @staticmethod
    async def _lock_entry(session: AsyncSession, personnel_ref: int) -> None:
        """Claims of one list entry queue here: a row lock on PostgreSQL, the write lock on SQLite.

        Whoever comes second then reads the first claim's binding and gets the sequential answer,
        instead of a unique-constraint failure at commit after being told they are verified.
        """
        await session.exec(update(Personnel).where(col(Personnel.id) == personnel_ref).values(updated_at=Personnel.updated_at))

    @staticmethod
    async def _bound_officer(session: AsyncSession, personnel: Personnel) -> Officer | None:
        return (await session.exec(select(Officer).where(Officer.personnel_ref == personnel.id))).first()

    async def _fail(self, session: AsyncSession, officer: Officer, outcome: Verification, *, audit: bool = True) -> Verification:
        kind = AttemptKind.INVITE if outcome is Verification.INVALID_CODE else AttemptKind.CONTACT
        await self._attempts.record(session, kind, officer.telegram_id)
        if audit:
            self._audit.record(session, self.actor(officer), "verify.refused", None, outcome.value)
        return outcome

    async def _brake_invites(self, session: AsyncSession) -> None:
        """Audit the moment wrong invite codes from all accounts reach the hourly limit."""
        window = await self._attempts.window(session, (AttemptKind.INVITE,), FAILURE_WINDOW)
        if window.count == self.rules.invite_failures_per_hour:
            self._audit.record(session, BOT_ACTOR, "invite.paused",
                               None, f"{window.count} wrong invite codes in the last hour: invite codes paused")


def normalise_invite(code: str) -> str:
    """Codes are typed on phones: ignore case, spaces and dashes, then regroup."""
    raw = "".join(ch for ch in code.upper() if ch.isalnum())
    if len(raw) == INVITE_LENGTH + len(INVITE_PREFIX) and raw.startswith(INVITE_PREFIX):
        raw = raw[len(INVITE_PREFIX):]  # codes made before the prefix have none; their hashes never had it
    return "-".join(raw[i:i + 4] for i in range(0, len(raw), 4))


def _e164(phone_number: str) -> str | None:
    # Telegram sends contact numbers in international form, sometimes without the leading '+'.
    raw = phone_number.strip()
    try:
        number = phonenumbers.parse(raw if raw.startswith("+") else f"+{raw}", None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
