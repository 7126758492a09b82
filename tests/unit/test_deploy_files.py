"""The container, compose, systemd and proxy files are well-formed and agree with the settings."""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
import yaml
from aiohttp import web
from dockerfile_parse import DockerfileParser
from packaging.requirements import Requirement
from packaging.version import Version

from bot.settings import PROJECT_ROOT, Settings, SettingsError, load_settings

SETTING_VARIABLES = {f"LEARNBOT_{name.upper()}" for name in Settings.model_fields}
_VARIABLE = re.compile(r"\$\{(\w+)(?:(:?[-?])([^}]*))?\}")


def env_example() -> tuple[dict[str, str], set[str]]:
    """The assignments of .env.example, and every variable named there, commented out or not."""
    assignments, named = {}, set()
    for line in (PROJECT_ROOT / ".env.example").read_text().splitlines():
        if match := re.fullmatch(r"(#\s*)?([A-Z][A-Z0-9_]*)=(.*)", line.strip()):
            named.add(match[2])
            if not match[1]:
                assignments[match[2]] = match[3]
    return assignments, named


def interpolate(text: str, env: dict[str, str]) -> str:
    """Compose's ${VAR}, ${VAR:-default} and ${VAR:?error}; an unset required variable raises."""

    def value(match: re.Match[str]) -> str:
        name, operator, argument = match[1], match[2], match[3]
        if env.get(name):
            return env[name]
        if operator and operator.endswith("?"):
            raise LookupError(f"{name}: {argument}")
        return argument or ""

    return _VARIABLE.sub(value, text)


def dockerfile() -> DockerfileParser:
    return DockerfileParser(path=str(PROJECT_ROOT / "Dockerfile"), env_replace=True)


def final_stage(parser: DockerfileParser) -> list[dict[str, str]]:
    instructions = parser.structure
    last_from = max(index for index, item in enumerate(instructions) if item["instruction"] == "FROM")
    return instructions[last_from:]


def compose() -> dict:
    return yaml.safe_load((PROJECT_ROOT / "compose.yaml").read_text())


def settings_from(variables: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> Settings:
    for name, value in variables.items():
        if name.startswith("LEARNBOT_"):
            monkeypatch.setenv(name, value)
    return load_settings()


SECRETS = {"LEARNBOT_TOKEN": "123456:" + "A" * 35, "LEARNBOT_SECRET_KEY": "k" * 48, "POSTGRES_PASSWORD": "pw1"}


# --- .env.example -------------------------------------------------------------------------------------

def test_every_learnbot_variable_in_env_example_is_a_setting_and_its_values_load(monkeypatch) -> None:
    assignments, named = env_example()
    learnbot = {name for name in named if name.startswith("LEARNBOT_")}
    assert learnbot - SETTING_VARIABLES == set(), "not settings (a typo is silently ignored at run time)"
    assert {"LEARNBOT_TOKEN", "LEARNBOT_SECRET_KEY", "LEARNBOT_LOG_FORMAT", "LEARNBOT_WEB_PORT"} <= learnbot
    settings = settings_from(assignments | SECRETS, monkeypatch)
    settings.require_runtime_secrets()
    assert settings.log_format == "json"


def test_the_empty_secrets_of_env_example_are_named_as_missing(monkeypatch) -> None:
    assignments, _ = env_example()
    assert assignments["LEARNBOT_TOKEN"] == "" and assignments["LEARNBOT_SECRET_KEY"] == ""
    settings = settings_from(assignments, monkeypatch)
    with pytest.raises(SettingsError, match="LEARNBOT_TOKEN"):
        settings.require_runtime_secrets()


def test_every_setting_is_documented_in_the_example_config(monkeypatch) -> None:
    example = PROJECT_ROOT / "config" / "learnbot.example.toml"
    undocumented = [name for name in Settings.model_fields
                    if not re.search(rf"^(# )?{name} = ", example.read_text(), re.MULTILINE)]
    assert undocumented == []
    monkeypatch.setenv("LEARNBOT_CONFIG", str(example))
    assert load_settings().log_format == "text"


# --- Dockerfile ---------------------------------------------------------------------------------------

def test_dockerfile_is_multi_stage_on_slim_python_and_runs_learnbot_as_a_non_root_user() -> None:
    parser = dockerfile()
    assert parser.is_multistage
    assert all(re.fullmatch(r"python:3\.1[1-9]-slim(-\w+)?", image) for image in parser.parent_images)
    assert parser.baseimage.startswith("python:3.11-"), "requirements.lock is compiled with Python 3.11"
    stage = final_stage(parser)
    users = [item["value"] for item in stage if item["instruction"] == "USER"]
    assert users and users[-1].split(":")[0] not in {"root", "0"}
    assert [item["value"] for item in stage if item["instruction"] == "ENTRYPOINT"] == ['["learnbot"]']
    assert [item["value"] for item in stage if item["instruction"] == "CMD"] == ['["run"]']


def test_dockerfile_installs_from_the_lock_with_hashes_and_ships_content_and_locales() -> None:
    parser = dockerfile()
    runs = " ".join(item["value"] for item in parser.structure if item["instruction"] == "RUN")
    assert "--require-hashes" in runs and "requirements.lock" in runs
    copies = [item["value"].split() for item in final_stage(parser) if item["instruction"] == "COPY"]
    assert ["content", "/app/content"] in copies and ["locales", "/app/locales"] in copies
    envs = parser.envs
    assert envs["LEARNBOT_CONTENT_DIR"] == "/app/content" and envs["LEARNBOT_LOCALES_DIR"] == "/app/locales"


def test_dockerfile_configuration_is_environment_only_and_valid(monkeypatch) -> None:
    parser = dockerfile()
    variables = {name: value for name, value in parser.envs.items() if name.startswith("LEARNBOT_")}
    assert set(variables) <= SETTING_VARIABLES
    settings = settings_from(variables, monkeypatch)
    assert (settings.web_host, settings.web_port) == ("0.0.0.0", 8080)
    exposed = [item["value"] for item in final_stage(parser) if item["instruction"] == "EXPOSE"]
    assert exposed == [str(settings.web_port)]


def test_every_file_the_dockerfile_copies_exists_and_passes_dockerignore() -> None:
    sources = []
    for item in dockerfile().structure:
        if item["instruction"] == "COPY" and not item["value"].startswith("--from"):
            sources += item["value"].split()[:-1]
    assert sources
    for source in sources:
        assert (PROJECT_ROOT / source).exists(), source
        assert not docker_ignores(source), f"{source} is excluded by .dockerignore"
    for kept_out in (".env", ".git/config", ".venv/bin/python", "var/learnbot.sqlite3", "config/learnbot.toml",
                     "tests/conftest.py", "bot/__pycache__/app.cpython-311.pyc"):
        assert docker_ignores(kept_out), f"{kept_out} would be sent to the Docker daemon"


def docker_ignores(path: str) -> bool:
    """.dockerignore's rule: the last pattern matching the path or one of its parent folders decides."""
    excluded = False
    lines = (PROJECT_ROOT / ".dockerignore").read_text().splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.startswith("#")]
    parts = path.split("/")
    prefixes = ["/".join(parts[: index + 1]) for index in range(len(parts))]
    for pattern in patterns:
        negated = pattern.startswith("!")
        body = pattern.lstrip("!").rstrip("/")
        regex = re.escape(body).replace(r"\*\*/", "(.*/)?").replace(r"\*\*", ".*").replace(r"\*", "[^/]*")
        if any(re.fullmatch(regex, prefix) for prefix in prefixes):
            excluded = not negated
    return excluded


async def test_the_healthcheck_command_passes_only_when_healthz_answers_200(tmp_path: Path) -> None:
    healthcheck = next(item["value"] for item in dockerfile().structure if item["instruction"] == "HEALTHCHECK")
    command = healthcheck.split(" CMD ", 1)[1].strip()
    status = {"code": 200}

    async def healthz(request: web.Request) -> web.Response:
        return web.Response(status=status["code"], text="ok")

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    env = {"PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}", "LEARNBOT_WEB_PORT": str(port)}

    async def run() -> int:
        process = await asyncio.create_subprocess_shell(command, env=env, stderr=asyncio.subprocess.DEVNULL)
        return await asyncio.wait_for(process.wait(), timeout=20)

    try:
        assert await run() == 0
        status["code"] = 503
        assert await run() != 0
    finally:
        await runner.cleanup()
    assert await run() != 0, "no server: unhealthy"


# --- compose.yaml -------------------------------------------------------------------------------------

def test_compose_runs_postgres_on_a_named_volume_with_a_healthcheck_and_the_bot_waits_for_it() -> None:
    services = compose()["services"]
    db, bot = services["db"], services["bot"]
    assert db["image"].startswith("postgres:")
    volume = next(entry.split(":")[0] for entry in db["volumes"] if entry.endswith(":/var/lib/postgresql/data"))
    assert volume in compose()["volumes"], "a named volume, not a folder of the host"
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    assert bot["depends_on"]["db"]["condition"] == "service_healthy"
    assert bot["build"] == "." and bot["env_file"] == ".env"
    assert bot["restart"] == db["restart"] == "unless-stopped"


def test_compose_environment_is_made_of_settings_and_agrees_with_the_image(monkeypatch) -> None:
    assignments, named = env_example()
    text = interpolate((PROJECT_ROOT / "compose.yaml").read_text(), assignments | SECRETS)
    services = yaml.safe_load(text)["services"]
    environment = services["bot"]["environment"]
    assert set(environment) <= SETTING_VARIABLES
    settings = settings_from(assignments | SECRETS | environment, monkeypatch)
    db = services["db"]["environment"]
    assert settings.database_url == (f"postgresql+asyncpg://{db['POSTGRES_USER']}:{db['POSTGRES_PASSWORD']}"
                                     f"@db:5432/{db['POSTGRES_DB']}")
    published = [entry.rsplit(":", 1) for entry in services["bot"]["ports"]]
    assert [(host.startswith("127.0.0.1:"), int(container)) for host, container in published] == \
        [(True, settings.web_port)], "the web port is published on the host's loopback, for the proxy"
    referenced = {match[1] for match in _VARIABLE.finditer((PROJECT_ROOT / "compose.yaml").read_text())}
    assert referenced <= named, "every variable compose.yaml reads is explained in .env.example"


def test_compose_requires_the_database_password_but_not_the_optional_proxy_settings() -> None:
    text = (PROJECT_ROOT / "compose.yaml").read_text()
    assignments, _ = env_example()
    with pytest.raises(LookupError, match="POSTGRES_PASSWORD"):
        interpolate(text, assignments)
    # Compose reads every service before it applies profiles: the proxy's variables must not be required.
    services = yaml.safe_load(interpolate(text, assignments | SECRETS))["services"]
    assert services["proxy"]["profiles"] == ["proxy"]
    assert services["proxy"]["environment"]["BOT_UPSTREAM"] == "bot:8080"


# --- systemd and the reverse proxy --------------------------------------------------------------------

UNITS = ("learnbot.service", "learnbot-backup.service", "learnbot-backup.timer")


def unit(name: str = "learnbot.service") -> dict[str, list[str]]:
    entries: dict[str, list[str]] = {}
    for line in (PROJECT_ROOT / "deploy" / name).read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            key, value = line.split("=", 1)
            entries.setdefault(key, []).append(value)
    return entries


def test_service_unit_restarts_on_failure_as_a_dedicated_user_and_is_hardened() -> None:
    entries = unit()
    assert entries["Restart"] == ["on-failure"]
    assert entries["RestartPreventExitStatus"] == ["2"], "a bad setting (exit 2) is not retried forever"
    assert entries["User"] == ["learnbot"] and entries["Group"] == ["learnbot"]
    assert entries["EnvironmentFile"] == ["/etc/learnbot/learnbot.env"]
    assert entries["ExecStart"][0].endswith("/learnbot run")
    for key, value in {"ProtectSystem": "strict", "NoNewPrivileges": "yes", "PrivateTmp": "yes",
                       "ProtectHome": "yes", "CapabilityBoundingSet": ""}.items():
        assert entries[key] == [value], key
    state = Path("/var/lib") / entries["StateDirectory"][0]
    assert f"LEARNBOT_DATABASE_URL=sqlite+aiosqlite:///{state}/learnbot.sqlite3" in entries["Environment"], \
        "the SQLite database lives in the one folder the unit may write"


def test_the_backup_unit_backs_up_the_service_database_nightly() -> None:
    service, backup, timer = unit(), unit("learnbot-backup.service"), unit("learnbot-backup.timer")
    database = next(value for value in service["Environment"] if value.startswith("LEARNBOT_DATABASE_URL="))
    assert database in backup["Environment"] and backup["EnvironmentFile"] == service["EnvironmentFile"]
    assert backup["User"] == service["User"] and backup["Type"] == ["oneshot"]
    assert re.search(r"learnbot db backup --force /var/lib/learnbot/backups/learnbot-\$\(date \+%%u\)\.sqlite3",
                     backup["ExecStart"][0]), "one file per weekday: the last seven nights"
    assert backup["StateDirectory"] == ["learnbot learnbot/backups"]
    assert timer["OnCalendar"] and timer["Persistent"] == ["true"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_analyze_accepts_the_units_and_rates_the_service_well(tmp_path: Path) -> None:
    for name in UNITS:
        # verify checks that ExecStart exists: point it at this environment's learnbot.
        text = (PROJECT_ROOT / "deploy" / name).read_text()
        (tmp_path / name).write_text(text.replace("/opt/learnbot/.venv/bin/learnbot",
                                                  str(Path(sys.executable).parent / "learnbot")))
    verified = subprocess.run(["systemd-analyze", "verify", *(str(tmp_path / name) for name in UNITS)],
                              capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert (verified.returncode, verified.stderr) == (0, ""), "unknown keys and bad values are only warned about"
    local = tmp_path / "learnbot.service"
    rated = subprocess.run(["systemd-analyze", "security", "--offline=yes", str(local)],
                           capture_output=True, text=True, timeout=60)
    if rated.returncode != 0 and "offline" in rated.stderr:
        pytest.skip("this systemd-analyze cannot rate a unit file offline")
    exposure = float(re.search(r"Overall exposure level for \S+: ([\d.]+)", rated.stdout)[1])
    assert exposure <= 2.0, rated.stdout[-2000:]


def test_proxy_examples_forward_to_the_web_port_with_tls_and_keep_metrics_internal() -> None:
    caddy = (PROJECT_ROOT / "deploy" / "Caddyfile").read_text()
    nginx = (PROJECT_ROOT / "deploy" / "nginx.conf").read_text()
    assert "reverse_proxy {$BOT_UPSTREAM:127.0.0.1:8080}" in caddy
    assert re.search(r"@internal path /metrics /readyz\s+respond @internal 404", caddy)
    assert "proxy_pass http://127.0.0.1:8080;" in nginx and "listen 443 ssl;" in nginx
    assert "location = /metrics { return 404; }" in nginx


# --- requirements.lock --------------------------------------------------------------------------------

def lock() -> dict[str, tuple[Version, list[str]]]:
    pins: dict[str, tuple[Version, list[str]]] = {}
    text = (PROJECT_ROOT / "requirements.lock").read_text().replace("\\\n", " ")
    for line in text.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            requirement, *hashes = line.split("--hash=")
            name, version = requirement.strip().split("==")
            pins[name.lower().replace("_", "-").replace(".", "-")] = (Version(version), [h.strip() for h in hashes])
    return pins


def test_the_lock_pins_every_dependency_within_its_range_with_hashes() -> None:
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())
    pins = lock()
    for line in pyproject["project"]["dependencies"] + pyproject["build-system"]["requires"]:
        requirement = Requirement(line)
        name = requirement.name.lower().replace("_", "-").replace(".", "-")
        assert name in pins, f"{name} is missing from requirements.lock: regenerate it (README, Reproducible installs)"
        assert requirement.specifier.contains(pins[name][0]), f"{name}=={pins[name][0]} is outside {requirement}"
    for name, (_, hashes) in pins.items():
        assert hashes and all(h.startswith("sha256:") for h in hashes), f"{name} has no hash"


@pytest.mark.docker
@pytest.mark.timeout(1800)
def test_the_image_builds_and_runs_learnbot() -> None:
    if shutil.which("docker") is None:
        pytest.skip("the docker command is not installed")
    info = subprocess.run(["docker", "info", "--format", "{{.ServerVersion}}"], capture_output=True, text=True)
    if info.returncode != 0:
        reason = (info.stderr.strip().splitlines() or ["no answer"])[-1]
        pytest.skip(f"no Docker daemon reachable: {reason}")
    tag = "learnbot:pytest"
    subprocess.run(["docker", "build", "--tag", tag, str(PROJECT_ROOT)], check=True, timeout=1700)
    shown = subprocess.run(["docker", "run", "--rm", tag, "--help"], capture_output=True, text=True, timeout=120)
    assert shown.returncode == 0 and shown.stdout.startswith("usage: learnbot"), shown.stderr
    user = subprocess.run(["docker", "run", "--rm", "--entrypoint", "id", tag, "-u"], capture_output=True, text=True)
    assert user.stdout.strip() not in {"", "0"}, "runs as a non-root user"
    checked = subprocess.run(["docker", "run", "--rm", tag, "content", "check"], capture_output=True, text=True,
                             timeout=300)
    assert checked.returncode == 0, checked.stdout[-2000:]
