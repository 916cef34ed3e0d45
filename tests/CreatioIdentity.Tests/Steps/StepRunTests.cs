using System.Net;
using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio;
using CreatioIdentity.Steps;
using CreatioIdentity.Tests.Creatio;

namespace CreatioIdentity.Tests.Steps;

/// <summary>A step that stops half-way says what it did, what may have reached Creatio, and what did not.</summary>
public sealed class StepRunTests
{
    private const string Url = "OAuth20IdentityServerUrl";
    private const string ClientId = "OAuth20IdentityServerClientId";

    /// <summary>A step whose work is the test's.</summary>
    private sealed class Probe(Func<StepContext, StepOutcome, CancellationToken, Task> work) : Step
    {
        public override string Name => "Probe";

        protected override Task ExecuteAsync(StepContext context, StepOutcome outcome, CancellationToken cancellationToken) => work(context, outcome, cancellationToken);
    }

    /// <summary>Announces both settings and sends the first, then fails as told.</summary>
    private static Probe SendingThen(Exception failure) => new((_, outcome, _) =>
    {
        outcome.Intend(Url, "https://old.example.com", "https://identity.example.com");
        outcome.Intend(ClientId, "old-client", "creatio");
        outcome.Sending(Url);
        throw failure;
    });

    private static Task<StepResult> RunAsync(Step step, StepTuning? tuning = null, StepWorld? world = null, CancellationToken cancellationToken = default) =>
        step.RunAsync((world ?? new StepWorld()).Context(StepWorld.Config(), tuning ?? StepTuning.Default), cancellationToken);

    public sealed class TheRunAsyncMethod
    {
        [Fact]
        public async Task Should_Report_A_Refused_Login_As_A_Red_Login_Check_On_The_Username()
        {
            // When
            var result = await RunAsync(new Probe((_, _, _) => throw new CreatioException(CreatioFailure.Authentication, "Creatio refused the login of 'Supervisor'.")));

            // Then
            Assert.Equal(StepStatus.Failed, result.Status);
            Assert.Equal(ErrorCodes.Authentication, result.ErrorCode);
            Assert.Equal("Creatio refused the login of 'Supervisor'.", result.Error);
            var login = Assert.Single(result.Checks);
            Assert.Equal((CheckIds.CreatioLogin, CheckStatus.Fail, ConfigPaths.Creatio.Username, ErrorCodes.Authentication), (login.Id, login.Status, login.ConfigPath, login.ErrorCode));
            Assert.Equal("Creatio refused the login of 'Supervisor'.", login.Message);
        }

        [Fact]
        public async Task Should_Not_Add_A_Login_Check_For_Any_Other_Failure()
        {
            // When
            var result = await RunAsync(new Probe((_, _, _) => throw new CreatioException(CreatioFailure.HttpStatus, "Creatio answered HTTP 503.")));

            // Then
            Assert.Empty(result.Checks);
            Assert.Equal(ErrorCodes.HttpStatus, result.ErrorCode);
        }

        [Fact]
        public async Task Should_Know_That_A_Write_In_Flight_May_Have_Reached_Creatio_When_The_Connection_Was_Lost()
        {
            // When
            var result = await RunAsync(SendingThen(new CreatioException(CreatioFailure.ConnectionLost, "The connection to Creatio was lost.")));

            // Then
            Assert.Equal(
                [new NotApplied(Url, "https://old.example.com", "https://identity.example.com", WriteState.Unknown), new NotApplied(ClientId, "old-client", "creatio", WriteState.NotSent)],
                result.NotApplied);
            Assert.Equal(
                $"The connection to Creatio was lost. Nothing was changed for certain. Sent but not confirmed (may or may not be applied): {Url}. Not changed: {ClientId}. Running again completes the job.",
                result.Error);
            Assert.Equal(ErrorCodes.Connect, result.ErrorCode);
        }

        [Fact]
        public async Task Should_Know_That_Nothing_Reached_Creatio_When_No_Connection_Was_Made()
        {
            // When
            var result = await RunAsync(SendingThen(new CreatioException(CreatioFailure.Connect, "No connection to Creatio.")));

            // Then
            Assert.All(result.NotApplied, item => Assert.Equal(WriteState.NotSent, item.State));
        }

        [Fact]
        public async Task Should_Stop_A_Step_At_Its_Deadline_And_Say_Which_Variable_Raises_It()
        {
            // Given
            var tuning = StepTuning.Default with { StepDeadline = TimeSpan.FromSeconds(1), DeadlineSet = true };
            var step = new Probe(async (_, outcome, token) =>
            {
                outcome.Intend(Url, "a", "b");
                outcome.Sending(Url);
                await Task.Delay(Timeout.Infinite, token);
            });

            // When
            var result = await RunAsync(step, tuning);

            // Then
            Assert.Equal(ErrorCodes.Deadline, result.ErrorCode);
            Assert.Equal(
                $"Probe did not finish within its deadline of 1 s: Creatio or the Identity Service answers too slowly. Check their health, or raise {StepTuning.DeadlineVariable}. "
                + $"Nothing was changed for certain. Sent but not confirmed (may or may not be applied): {Url}. Running again completes the job.",
                result.Error);
            Assert.Equal(WriteState.Unknown, Assert.Single(result.NotApplied).State);
        }

        [Fact]
        public async Task Should_Let_A_Cancellation_From_Outside_Through()
        {
            // Given
            using var cancellation = new CancellationTokenSource();
            var step = new Probe(async (_, _, token) =>
            {
                await cancellation.CancelAsync();
                await Task.Delay(Timeout.Infinite, token);
            });

            // When / Then
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => RunAsync(step, cancellationToken: cancellation.Token));
        }

        [Fact]
        public async Task Should_Report_A_Defect_As_An_Unexpected_Failure_That_Asks_For_The_Report()
        {
            // When
            var result = await RunAsync(SendingThen(new InvalidOperationException("Sequence contains no elements.")));

            // Then
            Assert.Equal(ErrorCodes.Unexpected, result.ErrorCode);
            Assert.StartsWith(
                "Probe stopped on an unexpected InvalidOperationException: Sequence contains no elements. Nothing after this point was done; please report it with the report.json. Nothing was changed for certain.",
                result.Error,
                StringComparison.Ordinal);
            Assert.Equal(WriteState.Unknown, result.NotApplied[0].State);
        }

        [Fact]
        public async Task Should_Pass_On_What_The_Session_Noticed_As_Warnings()
        {
            // Given: Creatio recommends a password change at login
            var world = new StepWorld();
            world.Creatio.Answer("/ServiceModel/AuthService.svc/Login", _ => CreatioFixture.Json(
                """{"Code":2,"PasswordChangeUrl":"/Login/ChangePassword"}""", HttpStatusCode.OK, [".ASPXAUTH=session-1; path=/", "BPMCSRF=csrf-1; path=/"]));
            var step = new Probe((context, _, token) => context.Session.LoginAsync(token));

            // When
            var result = await RunAsync(step, world: world);

            // Then
            Assert.Equal(StepStatus.Unchanged, result.Status);
            Assert.Contains("recommends changing the password", Assert.Single(result.Warnings), StringComparison.Ordinal);
        }
    }
}
