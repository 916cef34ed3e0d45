using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;

namespace CreatioIdentity.Reporting;

/// <summary>
/// junit.xml (SPEC §2, contract): one test case per check, for Azure DevOps PublishTestResults
/// (JUnit format) and other test reporters. A failed step whose failure no red check of its own
/// explains gets a test case too, so that a crashed step never shows as a green test run. Every
/// text is masked (<see cref="ReportMasking"/>) before the document is built, and the document
/// once more as it is written.
/// </summary>
public static class JUnitWriter
{
    public const string SuiteName = "creatio-identity";
    public const string CheckClassName = "creatio-identity.checks";
    public const string StepClassName = "creatio-identity.steps";
    public const string StepCasePrefix = "step:";

    public static XDocument Build(Report report)
    {
        ArgumentNullException.ThrowIfNull(report);
        report = ReportMasking.Mask(report);

        // Several environments: one test suite each, with class names of their own, so that a
        // test reporter keeps dev's CreatioLogin apart from prod's.
        var environments = report.Environments ?? [];
        var suites = environments.Count == 0
            ? [Suite(SuiteName, CheckClassName, StepClassName, report)]
            : environments
                .Select(environment => Suite($"{SuiteName}.{environment.Name}", $"{SuiteName}.{environment.Name}.checks", $"{SuiteName}.{environment.Name}.steps",
                    environment.ToReport(report.Command, report.RunId), environment.Name))
                .ToList();

        var totals = Counts(
            suites.Sum(suite => (int)suite.Attribute("tests")!),
            suites.Sum(suite => (int)suite.Attribute("failures")!),
            suites.Sum(suite => (int)suite.Attribute("skipped")!),
            Seconds(environments.Count == 0
                ? report.Steps.Sum(s => s.DurationMs)
                : environments.Sum(environment => environment.Steps.Sum(s => s.DurationMs))));
        return new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("testsuites", new XAttribute("name", SuiteName), totals, suites));
    }

    private static XElement Suite(string name, string checkClassName, string stepClassName, Report report, string? environment = null)
    {
        var cases = report.Checks.Select(check => CheckCase(check, checkClassName))
            .Concat(report.Steps.Where(IsUnexplainedFailure).Select(step => StepCase(step, stepClassName)))
            .ToList();
        var tests = cases.Count;
        var failures = cases.Count(c => c.Element("failure") is not null);
        var skipped = cases.Count(c => c.Element("skipped") is not null);
        var time = Seconds(report.Steps.Sum(s => s.DurationMs));

        var properties = new XElement("properties",
            environment is null ? null : Property("environment", environment),
            Property("command", report.Command),
            Property("creatio", report.Creatio),
            report.RunId is null ? null : Property("runId", report.RunId));

        return new XElement("testsuite",
            new XAttribute("name", XmlText(name)),
            Counts(tests, failures, skipped, time),
            properties,
            cases);
    }

    public static void Write(Report report, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var buffer = new MemoryStream();
        using (var writer = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = utf8, Indent = true }))
        {
            Build(report).Save(writer);
        }

        // Escaping can spell a secret that the text did not (a secret that is itself "&amp;"-escaped).
        stream.Write(utf8.GetBytes(SecretMasker.Shared.Mask(utf8.GetString(buffer.ToArray()))));
    }

    // A failed step is explained when one of its own checks is red. Steps read back from an
    // earlier process carry no checks, so they always get a case: a duplicate beats a hidden failure.
    private static bool IsUnexplainedFailure(StepResult step) =>
        step.Status == StepStatus.Failed && !step.Checks.Any(c => c.Status == CheckStatus.Fail);

    private static XElement CheckCase(CheckResult check, string className)
    {
        var element = new XElement("testcase",
            new XAttribute("classname", XmlText(className)),
            new XAttribute("name", XmlText(check.Id)),
            new XAttribute("time", Seconds(0)));
        switch (check.Status)
        {
            case CheckStatus.Fail:
                element.Add(new XElement("failure", new XAttribute("message", XmlText(check.Message)), new XAttribute("type", "CheckFailed"), XmlText(check.Message)));
                break;
            case CheckStatus.Skip:
                element.Add(new XElement("skipped", new XAttribute("message", XmlText(check.Message))));
                break;
            default:
                break;
        }

        return element;
    }

    private static XElement StepCase(StepResult step, string className)
    {
        var message = XmlText(string.IsNullOrWhiteSpace(step.Error) ? $"The step {step.Name} failed." : step.Error);
        return new XElement("testcase",
            new XAttribute("classname", XmlText(className)),
            new XAttribute("name", XmlText(StepCasePrefix + step.Name)),
            new XAttribute("time", Seconds(step.DurationMs)),
            new XElement("failure", new XAttribute("message", message), new XAttribute("type", "StepFailed"), message));
    }

    private static XAttribute[] Counts(int tests, int failures, int skipped, string time) =>
    [
        new("tests", tests),
        new("failures", failures),
        new("errors", 0),
        new("skipped", skipped),
        new("time", time),
    ];

    private static XElement Property(string name, string value) =>
        new("property", new XAttribute("name", name), new XAttribute("value", XmlText(value)));

    private static string Seconds(long milliseconds) => (milliseconds / 1000.0).ToString("0.###", CultureInfo.InvariantCulture);

    // Messages may quote whatever a server answered; XML 1.0 cannot carry every character of it.
    private static string XmlText(string value)
    {
        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (XmlConvert.IsXmlChar(c))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append('\uFFFD');
            }
        }

        return builder.ToString();
    }
}
