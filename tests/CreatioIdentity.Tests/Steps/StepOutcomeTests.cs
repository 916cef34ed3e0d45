using CreatioIdentity.Checks;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Steps;

/// <summary>What a step reports about its writes: confirmed, withdrawn, refused, or cut off in flight.</summary>
public sealed class StepOutcomeTests
{
    private const string Url = "OAuth20IdentityServerUrl";
    private const string ClientId = "OAuth20IdentityServerClientId";

    private static StepResult Result(StepOutcome outcome) => outcome.ToResult("ApplySettings", 12);

    public sealed class TheWrites
    {
        [Fact]
        public void Should_Make_An_Announced_Write_A_Change_Once_Creatio_Confirms_It()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Intend(Url, "https://old.example.com", "https://identity.example.com");
            outcome.Sending(Url);

            // When
            outcome.Done(Url);

            // Then
            var result = Result(outcome);
            Assert.Equal(StepStatus.Changed, result.Status);
            Assert.Equal([new Change(Url, "https://old.example.com", "https://identity.example.com")], result.Changes);
            Assert.Empty(result.NotApplied);
            Assert.Null(result.ErrorCode);
        }

        [Fact]
        public void Should_Refuse_To_Confirm_A_Write_That_Was_Never_Announced()
        {
            // Given
            var outcome = new StepOutcome();

            // When
            var exception = Assert.Throws<InvalidOperationException>(() => outcome.Done(Url));

            // Then
            Assert.Equal($"{Url} was not announced.", exception.Message);
        }

        [Fact]
        public void Should_Forget_A_Withdrawn_Write_Even_When_The_Step_Fails_Later()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Intend(Url, "a", "b");
            outcome.Sending(Url);

            // When
            outcome.Withdraw(Url);
            outcome.Interrupted(mayHaveReachedCreatio: true);

            // Then
            var result = Result(outcome);
            Assert.Empty(result.Changes);
            Assert.Empty(result.NotApplied);
            Assert.Equal(StepStatus.Unchanged, result.Status);
        }

        [Fact]
        public void Should_Record_A_Refused_Write_With_Its_Values_And_Ignore_A_Refusal_Of_Nothing_Announced()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Intend(Url, "a", "b");

            // When
            outcome.Refused(Url);
            outcome.Refused(ClientId);

            // Then
            Assert.Equal([new NotApplied(Url, "a", "b", WriteState.Refused)], Result(outcome).NotApplied);
        }

        [Fact]
        public void Should_Take_Only_The_Named_Write_Of_Several()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Intend(Url, "a", "b");
            outcome.Intend(ClientId, "c", "d");

            // When
            outcome.Done(ClientId);
            outcome.Interrupted(mayHaveReachedCreatio: false);

            // Then
            var result = Result(outcome);
            Assert.Equal([new Change(ClientId, "c", "d")], result.Changes);
            Assert.Equal([new NotApplied(Url, "a", "b", WriteState.NotSent)], result.NotApplied);
        }
    }

    public sealed class TheInterruption
    {
        [Fact]
        public void Should_Call_A_Write_In_Flight_Unknown_And_One_Not_Yet_Sent_Not_Sent()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Intend(Url, "a", "b");
            outcome.Intend(ClientId, "c", "d");
            outcome.Sending(Url);

            // When
            outcome.Interrupted(mayHaveReachedCreatio: true);

            // Then
            Assert.Equal(
                [new NotApplied(Url, "a", "b", WriteState.Unknown), new NotApplied(ClientId, "c", "d", WriteState.NotSent)],
                Result(outcome).NotApplied);
        }

        [Fact]
        public void Should_Call_A_Write_In_Flight_Not_Sent_When_The_Failure_Cannot_Have_Reached_Creatio()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Intend(Url, "a", "b");
            outcome.Sending(Url);

            // When
            outcome.Interrupted(mayHaveReachedCreatio: false);

            // Then
            Assert.Equal(WriteState.NotSent, Assert.Single(Result(outcome).NotApplied).State);
        }

        [Fact]
        public void Should_Not_Count_A_Write_Sent_Before_And_Settled_As_In_Flight_When_It_Is_Announced_Again()
        {
            // Given: the write was sent once and withdrawn, then announced again but not sent
            var outcome = new StepOutcome();
            outcome.Intend(Url, "a", "b");
            outcome.Sending(Url);
            outcome.Withdraw(Url);
            outcome.Intend(Url, "a", "c");

            // When
            outcome.Interrupted(mayHaveReachedCreatio: true);

            // Then
            Assert.Equal([new NotApplied(Url, "a", "c", WriteState.NotSent)], Result(outcome).NotApplied);
        }

        [Fact]
        public void Should_Report_Each_Announced_Write_Once_However_Often_The_Step_Is_Interrupted()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Intend(Url, "a", "b");
            outcome.Sending(Url);
            outcome.Interrupted(mayHaveReachedCreatio: true);

            // When
            outcome.Interrupted(mayHaveReachedCreatio: true);

            // Then
            Assert.Single(Result(outcome).NotApplied);
        }
    }

    public sealed class TheNotAppliedNote
    {
        [Fact]
        public void Should_Say_Nothing_When_Nothing_Was_Announced_Or_Changed()
        {
            Assert.Equal(string.Empty, new StepOutcome().NotAppliedNote());
        }

        [Fact]
        public void Should_Name_What_Changed_Before_A_Failure_That_Left_Nothing_Unconfirmed()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Changed(Url, "a", "b");
            outcome.Changed(ClientId, "c", "d");

            // When
            var note = outcome.NotAppliedNote();

            // Then
            Assert.Equal($" Changed before the failure: {Url}, {ClientId}.", note);
        }

        [Fact]
        public void Should_Say_Nothing_Was_Changed_For_Certain_And_Sort_The_Rest_By_Whether_It_Was_Sent()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Intend(Url, "a", "b");
            outcome.Intend(ClientId, "c", "d");
            outcome.Sending(Url);
            outcome.Interrupted(mayHaveReachedCreatio: true);

            // When
            var note = outcome.NotAppliedNote();

            // Then
            Assert.Equal(
                $" Nothing was changed for certain. Sent but not confirmed (may or may not be applied): {Url}. Not changed: {ClientId}. Running again completes the job.",
                note);
        }

        [Fact]
        public void Should_Name_The_Confirmed_Changes_Beside_The_Unconfirmed_Ones()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Intend(Url, "a", "b");
            outcome.Intend(ClientId, "c", "d");
            outcome.Done(Url);
            outcome.Interrupted(mayHaveReachedCreatio: true);

            // When
            var note = outcome.NotAppliedNote();

            // Then
            Assert.Equal($" Changed: {Url}. Not changed: {ClientId}. Running again completes the job.", note);
        }

        [Fact]
        public void Should_List_Several_Items_Of_Each_Kind_Separated_By_Commas()
        {
            // Given
            var outcome = new StepOutcome();
            foreach (var item in new[] { "a", "b", "c", "d", "e", "f" })
            {
                outcome.Intend(item, null, "x");
            }

            outcome.Done("a");
            outcome.Done("b");
            outcome.Sending("c", "d");
            outcome.Interrupted(mayHaveReachedCreatio: true);

            // When
            var note = outcome.NotAppliedNote();

            // Then
            Assert.Equal(" Changed: a, b. Sent but not confirmed (may or may not be applied): c, d. Not changed: e, f. Running again completes the job.", note);
        }

        [Fact]
        public void Should_Leave_Out_The_Not_Changed_Part_When_Everything_Was_Sent()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Intend(Url, "a", "b");
            outcome.Sending(Url);
            outcome.Interrupted(mayHaveReachedCreatio: true);

            // When
            var note = outcome.NotAppliedNote();

            // Then
            Assert.Equal($" Nothing was changed for certain. Sent but not confirmed (may or may not be applied): {Url}. Running again completes the job.", note);
        }
    }

    public sealed class TheResult
    {
        [Fact]
        public void Should_Be_Unchanged_Without_An_Error_Code_When_Nothing_Changed_Or_Failed()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Check(CheckResult.Pass(CheckIds.SettingsApplied, "fine"));
            outcome.Warn("A password change is recommended.");

            // When
            var result = outcome.ToResult("ApplySettings", 42);

            // Then
            Assert.Equal(("ApplySettings", StepStatus.Unchanged, 42L), (result.Name, result.Status, result.DurationMs));
            Assert.False(outcome.HasFailed);
            Assert.Null(result.Error);
            Assert.Null(result.ErrorCode);
            Assert.Equal(["A password change is recommended."], result.Warnings);
        }

        [Fact]
        public void Should_Fail_On_A_Red_Check_With_That_Checks_Error_Code()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Changed(Url, "a", "b");
            outcome.Check(CheckResult.Fail(CheckIds.CreatioLogin, "refused", errorCode: ErrorCodes.Authentication));

            // When
            var result = Result(outcome);

            // Then
            Assert.True(outcome.HasFailed);
            Assert.Equal(StepStatus.Failed, result.Status);
            Assert.Null(result.Error);
            Assert.Equal(ErrorCodes.Authentication, result.ErrorCode);
        }

        [Fact]
        public void Should_Fail_A_Red_Check_Without_An_Error_Code_As_A_Failed_Check()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Check(CheckResult.Fail(CheckIds.SettingsApplied, "refused"));

            // When / Then
            Assert.Equal(ErrorCodes.CheckFailed, Result(outcome).ErrorCode);
        }

        [Fact]
        public void Should_Prefer_The_Error_Code_Of_The_Failure_To_That_Of_A_Red_Check()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Check(CheckResult.Fail(CheckIds.CreatioLogin, "refused", errorCode: ErrorCodes.Authentication));
            outcome.Fail("Creatio did not answer in time.", ErrorCodes.Timeout);

            // When
            var result = Result(outcome);

            // Then
            Assert.Equal(("Creatio did not answer in time.", ErrorCodes.Timeout), (result.Error, result.ErrorCode));
        }

        [Fact]
        public void Should_Keep_The_First_Failure_And_Its_Code()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Fail("first", ErrorCodes.Timeout);

            // When
            outcome.Fail("second", ErrorCodes.Unexpected);

            // Then
            var result = Result(outcome);
            Assert.Equal(("first", ErrorCodes.Timeout), (result.Error, result.ErrorCode));
        }

        [Fact]
        public void Should_Keep_One_Check_Per_Id_The_Last_One_Given()
        {
            // Given
            var outcome = new StepOutcome();
            outcome.Check(CheckResult.Fail(CheckIds.SettingsApplied, "not yet"));
            outcome.Check(CheckResult.Pass(CheckIds.CreatioLogin, "logged in"));

            // When
            outcome.Check(CheckResult.Pass(CheckIds.SettingsApplied, "now"));

            // Then
            var result = Result(outcome);
            Assert.Equal([(CheckIds.CreatioLogin, "logged in"), (CheckIds.SettingsApplied, "now")], result.Checks.Select(check => (check.Id, check.Message)));
            Assert.Equal(StepStatus.Unchanged, result.Status);
        }
    }
}
