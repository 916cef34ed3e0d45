using System.Xml.Linq;
using CreatioIdentity.Checks;
using CreatioIdentity.Reporting;
using static CreatioIdentity.Tests.Reporting.Results;

namespace CreatioIdentity.Tests.Reporting;

public sealed class JUnitWriterTests
{
    public sealed class TheBuildMethod
    {
        [Fact]
        public void Should_Have_One_Suite_With_One_Test_Case_Per_Check()
        {
            // Given
            var report = Report(
                CheckResult.Pass(CheckIds.CreatioLogin, "Logged in."),
                CheckResult.Pass(CheckIds.FeatureEnabled, "On for all users."));

            // When
            var xml = JUnitWriter.Build(report);

            // Then
            var suite = Assert.Single(xml.Descendants("testsuite"));
            Assert.Equal("creatio-identity", suite.Attribute("name")?.Value);
            Assert.All(suite.Elements("testcase"), c => Assert.Equal("creatio-identity.checks", c.Attribute("classname")?.Value));
            Assert.Equal([CheckIds.CreatioLogin, CheckIds.FeatureEnabled], suite.Elements("testcase").Select(c => c.Attribute("name")?.Value));
        }

        [Fact]
        public void Should_Count_Tests_Failures_And_Skipped()
        {
            // Given
            var report = Report(
                CheckResult.Pass(CheckIds.CreatioLogin, "Logged in."),
                CheckResult.Fail(CheckIds.AccessTokenRetrievable, "Check the client secret."),
                CheckResult.Fail(CheckIds.IdentityServiceAvailable, "Creatio cannot reach the Identity Service."),
                CheckResult.Skip(CheckIds.DefaultResourceRegistered, "Not reported by this Creatio."));

            // When
            var xml = JUnitWriter.Build(report);

            // Then
            foreach (var element in new[] { xml.Root!, xml.Descendants("testsuite").Single() })
            {
                Assert.Equal("4", element.Attribute("tests")?.Value);
                Assert.Equal("2", element.Attribute("failures")?.Value);
                Assert.Equal("1", element.Attribute("skipped")?.Value);
                Assert.Equal("0", element.Attribute("errors")?.Value);
            }
        }

        [Fact]
        public void Should_Put_A_Failure_Element_With_The_Message_Into_A_Failed_Check()
        {
            // Given
            var report = Report(CheckResult.Fail(CheckIds.AccessTokenRetrievable, "Check the client secret."));

            // When
            var xml = JUnitWriter.Build(report);

            // Then
            var failure = Assert.Single(xml.Descendants("testcase").Single().Elements());
            Assert.Equal("failure", failure.Name.LocalName);
            Assert.Equal("Check the client secret.", failure.Attribute("message")?.Value);
            Assert.Equal("Check the client secret.", failure.Value);
        }

        [Fact]
        public void Should_Put_A_Skipped_Element_Into_A_Skipped_Check()
        {
            // Given
            var report = Report(CheckResult.Skip(CheckIds.DefaultResourceRegistered, "Not reported by this Creatio."));

            // When
            var xml = JUnitWriter.Build(report);

            // Then
            var skipped = Assert.Single(xml.Descendants("testcase").Single().Elements());
            Assert.Equal("skipped", skipped.Name.LocalName);
            Assert.Equal("Not reported by this Creatio.", skipped.Attribute("message")?.Value);
        }

        [Fact]
        public void Should_Leave_A_Passed_Check_Empty()
        {
            // Given
            var report = Report(CheckResult.Pass(CheckIds.CreatioLogin, "Logged in."));

            // When
            var xml = JUnitWriter.Build(report);

            // Then
            Assert.Empty(xml.Descendants("testcase").Single().Elements());
        }

        [Fact]
        public void Should_Add_A_Test_Case_For_A_Failed_Step_No_Failing_Check_Explains()
        {
            // Given
            var report = Report([Step("Preflight"), Failed("ApplySettings", "Creatio could not be reached.")], CheckResult.Pass(CheckIds.CreatioLogin, "Logged in."));

            // When
            var xml = JUnitWriter.Build(report);

            // Then
            var step = Assert.Single(xml.Descendants("testcase"), c => c.Attribute("name")?.Value == "step:ApplySettings");
            Assert.Equal("Creatio could not be reached.", step.Element("failure")?.Attribute("message")?.Value);
            Assert.Equal("2", xml.Root!.Attribute("tests")?.Value);
            Assert.Equal("1", xml.Root!.Attribute("failures")?.Value);
        }

        [Fact]
        public void Should_Not_Add_A_Test_Case_For_A_Failed_Step_Its_Failing_Check_Explains()
        {
            // Given
            var login = CheckResult.Fail(CheckIds.CreatioLogin, "Wrong password for creatio.username.");
            var report = Report([Failed("Preflight", "Login refused.", login)], login);

            // When
            var xml = JUnitWriter.Build(report);

            // Then
            Assert.Equal([CheckIds.CreatioLogin], xml.Descendants("testcase").Select(c => c.Attribute("name")?.Value));
        }

        [Fact]
        public void Should_Not_Add_A_Test_Case_For_A_Step_That_Did_Not_Fail()
        {
            // Given
            var report = Report([Step("Validate"), Step("Diagnose", StepStatus.Skipped)]);

            // When
            var xml = JUnitWriter.Build(report);

            // Then
            Assert.Empty(xml.Descendants("testcase"));
            Assert.Equal("0", xml.Root!.Attribute("tests")?.Value);
        }

        [Fact]
        public void Should_Replace_Characters_Xml_Cannot_Carry()
        {
            // Given
            var report = Report(CheckResult.Fail(CheckIds.IdentityServiceAvailable, "Creatio answered \u0001garbage\u0000 and 😀"));

            // When
            using var stream = new MemoryStream();
            JUnitWriter.Write(report, stream);

            // Then
            stream.Position = 0;
            var failure = XDocument.Load(stream).Descendants("failure").Single();
            Assert.Equal("Creatio answered \uFFFDgarbage\uFFFD and 😀", failure.Value);
        }
    }

    public sealed class TheWriteMethod
    {
        [Fact]
        public void Should_Write_Well_Formed_Utf8_Xml_Without_A_Byte_Order_Mark()
        {
            // Given
            var report = Report(CheckResult.Fail(CheckIds.SettingsApplied, "Setting <OAuth20IdentityServerUrl> & co. → rejected \"as is\"."));

            // When
            using var stream = new MemoryStream();
            JUnitWriter.Write(report, stream);

            // Then
            var bytes = stream.ToArray();
            Assert.NotEqual(0xEF, bytes[0]);
            stream.Position = 0;
            var xml = XDocument.Load(stream);
            Assert.Equal("utf-8", xml.Declaration?.Encoding, ignoreCase: true);
            Assert.Equal("testsuites", xml.Root!.Name.LocalName);
            Assert.Equal("Setting <OAuth20IdentityServerUrl> & co. → rejected \"as is\".", xml.Descendants("failure").Single().Attribute("message")?.Value);
        }
    }
}
