#!/usr/bin/env python3
"""Runs the bash steps of azure-pipelines/creatio-identity.yml as an agent would, on this machine,
against a folder of packed packages, and checks what they hand back: the install (and that a
second one is a no-op), a green Sandbox run, an invalid configuration (exit 3), Plan with pending
changes (output variable pending; exit 2 only with failOnPending), and ListEnvironments' matrix.

    dotnet tool restore && dotnet cake --target=Pack
    dotnet build src/CreatioIdentity.Sandbox -c Release
    python3 .ci/test-azure-template.py [artifacts/packages] [VERSION]

Template expressions are filled in the way Azure Pipelines does (${{ parameters.X }} from the
parameters' defaults and the values given, $(name) from variables set with ##vso[task.setvariable]).
Needs PyYAML.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import yaml

REPOSITORY = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
TEMPLATE = os.path.join(REPOSITORY, "azure-pipelines", "creatio-identity.yml")
SANDBOX_DLL = os.path.join(REPOSITORY, "src", "CreatioIdentity.Sandbox", "bin", "Release", "net10.0", "CreatioIdentity.Sandbox.dll")

failures = []


def check(name, condition):
    print(("  ok   " if condition else "  FAIL ") + name)
    if not condition:
        failures.append(name)


class Agent:
    """One job: its variables, its tools folder and working directory, shared by the steps."""

    def __init__(self, scratch, template):
        self.template = template
        self.variables = {}
        self.outputs = {}
        self.environment = dict(
            os.environ,
            TF_BUILD="True",
            AGENT_OS="Linux",
            AGENT_TOOLSDIRECTORY=os.path.join(scratch, "tools"),
            AGENT_TEMPDIRECTORY=os.path.join(scratch, "temp"),
            SYSTEM_DEFAULTWORKINGDIRECTORY=os.path.join(scratch, "work"),
        )
        for folder in ("tools", "temp", "work"):
            os.makedirs(os.path.join(scratch, folder), exist_ok=True)
        self.work = self.environment["SYSTEM_DEFAULTWORKINGDIRECTORY"]

    def run(self, parameters, extra_env=None):
        """All the template's steps, in order, until one fails; returns the last exit code and the log."""
        values = {p["name"]: p.get("default") for p in self.template["parameters"]}
        values.update(parameters)
        log = ""
        code = 0
        self.outputs = {}
        for step in self.template["steps"]:
            if "bash" not in step:
                continue  # UseDotNet@2: this machine has the SDK (the first step says so)
            env = dict(self.environment)
            for key, value in (step.get("env") or {}).items():
                if key.startswith("${{ each"):
                    env.update(extra_env or {})
                    continue
                env[key] = self.expand(str(value), values)
            result = subprocess.run(["bash", "-c", step["bash"]], cwd=self.work, env=env, capture_output=True, text=True)
            log += result.stdout + result.stderr
            for name, is_output, value in re.findall(r"##vso\[task\.setvariable variable=([^;\]]+)(;isOutput=true)?\](.*)", result.stdout):
                (self.outputs if is_output else self.variables)[name] = value
            code = result.returncode
            if code != 0:
                break
        return code, log

    def expand(self, text, values):
        def parameter(match):
            value = values[match.group(1)]
            return str(value) if not isinstance(value, bool) else ("True" if value else "False")

        text = re.sub(r"\$\{\{\s*parameters\.(\w+)\s*\}\}", parameter, text)
        return re.sub(r"\$\((\w+)\)", lambda m: self.variables.get(m.group(1), m.group(0)), text)


def main():
    feed = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPOSITORY, "artifacts", "packages"))
    version = sys.argv[2] if len(sys.argv) > 2 else open(os.path.join(feed, "version.txt")).read().strip()
    if not os.path.isfile(SANDBOX_DLL):
        sys.exit("Build the sandbox first: dotnet build src/CreatioIdentity.Sandbox -c Release")

    with open(TEMPLATE) as file:
        template = yaml.safe_load(file)

    scratch = tempfile.mkdtemp()
    sandbox = None
    try:
        agent = Agent(scratch, template)
        common = {"version": version, "nugetSource": feed}

        print("== Sandbox")
        code, log = agent.run({**common, "target": "Sandbox", "config": "", "reportDir": "artifacts/sandbox"})
        check("the agent's .NET 10 SDK is found (no UseDotNet@2)", agent.variables.get("creatioIdentityHasDotnet10") == "true")
        executable = agent.variables.get("creatioIdentityExecutable", "")
        check("the tool is installed in the agent's tools folder, by version",
              executable == os.path.join(agent.environment["AGENT_TOOLSDIRECTORY"], "creatio-identity", version, "creatio-identity"))
        check("Sandbox passes", code == 0)
        check("pending is false", agent.outputs.get("pending") == "false")
        report_path = os.path.join(agent.work, "artifacts", "sandbox", "report.json")
        report = json.load(open(report_path)) if os.path.isfile(report_path) else {}
        check("the report is green, 9 checks", report.get("ok") is True and len(report.get("checks", [])) == 9)
        check("the summary is uploaded", "##vso[task.uploadsummary]" in log)

        print("== the same version again")
        code, log = agent.run({**common, "target": "Sandbox", "config": "", "reportDir": "artifacts/sandbox"})
        check("a second install of the version is a no-op", "is already installed" in log and code == 0)

        print("== an invalid configuration")
        os.makedirs(os.path.join(agent.work, "invalid"))
        with open(os.path.join(agent.work, "invalid", "creatio-identity.yml"), "w") as file:
            file.write("version: 1\ncreatio:\n  url: https://creatio.example.com\n  usernme: Supervisor\n")
        code, log = agent.run({**common, "target": "Validate", "config": "invalid/creatio-identity.yml"})
        check("is exit 3", code == 3)
        check("logged as an issue at its line", "##vso[task.logissue type=error;sourcepath=" in log)

        print("== an empty config")
        code, log = agent.run({**common, "target": "Diagnose", "config": ""})
        check("is exit 3 outside Sandbox", code == 3)

        print("== Plan against a sandbox never connected")
        ready = os.path.join(scratch, "ready.json")
        sandbox = subprocess.Popen(["dotnet", SANDBOX_DLL, "--runtime", "net", "--ready-file", ready], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(120):
            if os.path.isfile(ready) and os.path.getsize(ready) > 0:
                break
            time.sleep(0.5)
        state = json.load(open(ready))
        secrets = {
            "SANDBOX_CREATIO_URL": state["creatioUrl"], "SANDBOX_IDENTITY_URL": state["identityServiceUrl"],
            "CREATIO_USERNAME": state["creatioUsername"], "CREATIO_PASSWORD": state["creatioPassword"],
            "IDENTITY_CLIENT_ID": state["clientId"], "IDENTITY_CLIENT_SECRET": state["clientSecret"],
        }
        shutil.copy(os.path.join(REPOSITORY, "examples", "sandbox.yml"), os.path.join(agent.work, "sandbox.yml"))
        code, log = agent.run({**common, "target": "Plan", "config": "sandbox.yml", "reportDir": "artifacts/plan"}, secrets)
        check("passes by default", code == 0)
        check("pending is true", agent.outputs.get("pending") == "true")
        check("the password is registered as a secret", "##vso[task.setsecret]" + state["creatioPassword"] in log)
        code, log = agent.run({**common, "target": "Plan", "config": "sandbox.yml", "reportDir": "artifacts/plan", "failOnPending": True}, secrets)
        check("with failOnPending it is exit 2", code == 2)
        check("pending is true", agent.outputs.get("pending") == "true")

        print("== ListEnvironments")
        shutil.copy(os.path.join(REPOSITORY, "examples", "environments.yml"), os.path.join(agent.work, "environments.yml"))
        code, log = agent.run({**common, "target": "ListEnvironments", "config": "environments.yml", "environment": "all"})
        matrix = json.loads(agent.outputs.get("matrix", "{}"))
        check("passes", code == 0)
        check("sets the output variable matrix, one leg per environment",
              len(matrix) > 1 and all(set(leg) == {"environment"} for leg in matrix.values()))
    finally:
        if sandbox is not None:
            sandbox.kill()
            sandbox.wait()
        shutil.rmtree(scratch, ignore_errors=True)

    if failures:
        sys.exit(f"{len(failures)} check(s) failed.")
    print("All checks passed.")


if __name__ == "__main__":
    main()
