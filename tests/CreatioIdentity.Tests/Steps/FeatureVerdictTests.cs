using CreatioIdentity.Creatio;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Steps;

public sealed class FeatureVerdictTests
{
    private static readonly Dictionary<string, bool> OAuthOn = new() { ["OAuth20Integration"] = true };

    private static AppFeature Feature(string code = "OAuth20Integration", bool? state = true, bool? effective = true, string? source = AppFeature.DatabaseSource) =>
        new(Guid.NewGuid(), code, state, effective, source);

    private static FeatureVerdict Judge(FeatureReading reading, Dictionary<string, bool>? wanted = null) =>
        Assert.Single(FeatureVerdict.Judge(wanted ?? OAuthOn, reading));

    public sealed class TheJudgeMethod
    {
        [Fact]
        public void Should_Be_Green_Only_When_Default_Overrides_And_Effective_State_Agree()
        {
            // When
            var verdict = Judge(new FeatureReading([Feature()], [new FeatureOverride(Guid.NewGuid(), "OAuth20Integration", "All employees", 1)]));

            // Then
            Assert.True(verdict.InEffect);
        }

        [Fact]
        public void Should_Find_A_Role_That_Overrides_The_Default_With_Off()
        {
            // Given: on for all users, but the System administrators role has it off
            var reading = new FeatureReading([Feature()], [new FeatureOverride(Guid.NewGuid(), "OAuth20Integration", "System administrators", 0)]);

            // When
            var verdict = Judge(reading);

            // Then
            Assert.False(verdict.Stored);
            Assert.Equal("System administrators", Assert.Single(verdict.WrongOverrides).Unit);
        }

        [Fact]
        public void Should_Not_Take_The_Effective_State_Of_The_Logged_In_User_For_The_Default()
        {
            // Given: on for the CI user (its own row), off for everyone else
            var reading = new FeatureReading([Feature(state: false, effective: true)], [new FeatureOverride(Guid.NewGuid(), "OAuth20Integration", "Supervisor", 1)]);

            // When
            var verdict = Judge(reading);

            // Then
            Assert.True(verdict.DefaultWrong);
            Assert.False(verdict.InEffect);
        }

        [Fact]
        public void Should_See_A_Stale_Cache_When_Everything_Is_Stored_But_Not_In_Effect()
        {
            // When
            var verdict = Judge(new FeatureReading([Feature(effective: false)], []));

            // Then
            Assert.True(verdict.Stored);
            Assert.True(verdict.EffectiveWrong);
        }

        [Fact]
        public void Should_Refuse_A_Feature_That_Is_Not_In_The_Database_And_Name_The_Host_Key()
        {
            // When
            var verdict = Judge(new FeatureReading([Feature("UseSeparateSettingsForOAuth20", source: "GlobalAppSettings")], []),
                new Dictionary<string, bool> { ["UseSeparateSettingsForOAuth20"] = true });

            // Then
            Assert.Contains("not a database feature", verdict.Problem, StringComparison.Ordinal);
            Assert.Contains("Feature-UseSeparateSettingsForOAuth20", verdict.Problem, StringComparison.Ordinal);
            Assert.Contains("restart Creatio", verdict.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Refuse_A_Feature_Of_Another_Source()
        {
            // When
            var verdict = Judge(new FeatureReading([Feature("UsrFlag", source: "web.config")], []), new Dictionary<string, bool> { ["UsrFlag"] = true });

            // Then
            Assert.Contains("defined by web.config", verdict.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Name_A_Feature_That_Does_Not_Exist()
        {
            // When
            var verdict = Judge(new FeatureReading([], []), new Dictionary<string, bool> { ["UsrMissing"] = true });

            // Then
            Assert.Contains("no feature 'UsrMissing'", verdict.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Suggest_The_Code_As_Creatio_Writes_It()
        {
            // When
            var verdict = Judge(new FeatureReading([Feature()], []), new Dictionary<string, bool> { ["oauth20integration"] = true });

            // Then
            Assert.Contains("has 'OAuth20Integration'", verdict.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Say_The_Host_Switch_Is_No_Feature_When_Flags_Does_Not_List_It()
        {
            // When
            var verdict = Judge(new FeatureReading([], []), new Dictionary<string, bool> { ["EnableOAuth20Integration"] = true });

            // Then
            Assert.Contains("Feature-EnableOAuth20Integration", verdict.Problem, StringComparison.Ordinal);
        }

        [Fact]
        public void Should_Attribute_An_Override_Row_Without_Its_Code_To_The_Only_Feature_Asked_For()
        {
            // When
            var verdict = Judge(new FeatureReading([Feature()], [new FeatureOverride(Guid.NewGuid(), string.Empty, "System administrators", 0)]));

            // Then
            Assert.Single(verdict.WrongOverrides);
        }

        [Fact]
        public void Should_Attribute_A_Row_Without_Its_Code_Beside_One_That_Names_It()
        {
            // When
            var verdict = Judge(new FeatureReading([Feature()],
            [
                new FeatureOverride(Guid.NewGuid(), "OAuth20Integration", "All employees", 1),
                new FeatureOverride(Guid.NewGuid(), string.Empty, "System administrators", 0),
            ]));

            // Then
            Assert.Null(verdict.Problem);
            Assert.Equal("System administrators", Assert.Single(verdict.WrongOverrides).Unit);
        }

        [Fact]
        public void Should_Judge_No_Feature_When_Rows_Without_Their_Code_Could_Belong_To_Several()
        {
            // When
            var verdicts = FeatureVerdict.Judge(
                new Dictionary<string, bool> { ["OAuth20Integration"] = true, ["Other"] = true },
                new FeatureReading([Feature(), Feature("Other")], [new FeatureOverride(Guid.NewGuid(), string.Empty, "System administrators", 0)]));

            // Then
            Assert.Equal(2, verdicts.Count);
            Assert.All(verdicts, verdict => Assert.Equal(
                "Creatio's override rows (AdminUnitFeatureState) did not say which feature each belongs to, so none can be judged or written: please report it with a trace (--trace-http)",
                verdict.Problem));
        }

        [Fact]
        public void Should_Call_A_Feature_Without_A_Source_One_Of_An_Unnamed_Source()
        {
            // When
            var verdict = Judge(new FeatureReading([Feature(code: "Other", source: " ")], []), new Dictionary<string, bool> { ["Other"] = true });

            // Then
            Assert.StartsWith("'Other' is defined by an unnamed source, not in the database", verdict.Problem, StringComparison.Ordinal);
        }
    }
}
