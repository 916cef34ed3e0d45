using CreatioIdentity.Checks;
using CreatioIdentity.Configuration;
using CreatioIdentity.Creatio.DataService;
using CreatioIdentity.IdentityService;
using CreatioIdentity.Steps;

namespace CreatioIdentity.Tests.Steps;

/// <summary>What ApplySettings writes, when it writes the secret, and what its SettingsApplied check says.</summary>
public sealed class ApplySettingsStepTests
{
    private const string Url = SettingsTable.Url;
    private const string ClientId = SettingsTable.ClientId;
    private const string ClientSecret = SettingsTable.ClientSecret;

    private static Task<StepResult> RunAsync(StepWorld world, IReadOnlyDictionary<string, string>? settings = null, TokenProbeResult? runnerToken = null) =>
        new ApplySettingsStep().RunAsync(world.Context(StepWorld.Config(settings: settings), StepTuning.Default, runnerToken), CancellationToken.None);

    private static CheckResult Check(StepResult result) => Assert.Single(result.Checks, check => check.Id == CheckIds.SettingsApplied);

    public sealed class ASiteAlreadyConnected
    {
        [Fact]
        public async Task Should_Write_Nothing_While_Creatio_Gets_A_Token_With_The_Stored_Secret()
        {
            // Given
            var world = new StepWorld();
            var table = new SettingsTable(world);

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Empty(table.Posts);
            Assert.Equal(StepStatus.Unchanged, result.Status);
            var check = Check(result);
            Assert.Equal("All 3 settings already as wanted; the client secret unchanged, since Creatio gets a token with it.", check.Message);
            Assert.Equal(ConfigPaths.IdentityService.Section, check.ConfigPath);
        }

        [Fact]
        public async Task Should_Rewrite_Only_The_Secret_When_Creatio_Cannot_Get_A_Token_With_It()
        {
            // Given
            var world = new StepWorld();
            var table = new SettingsTable(world, secret: "old-secret") { TokenWithStoredSecret = false };

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Equal([ClientSecret], Assert.Single(table.Posts).Select(pair => pair.Key));
            Assert.Equal(StepWorld.ClientSecret, table.Value(ClientSecret));
            Assert.Equal([new Change(ClientSecret, Secret.Mask, Secret.Mask)], result.Changes);
            Assert.Equal(
                "Wrote 1 setting(s) in one request and read them back; the client secret was written and accepted (Creatio's health check cannot get a token with the stored secret).",
                Check(result).Message);
        }

        [Fact]
        public async Task Should_Rewrite_The_Secret_When_Creatio_Has_No_Health_Check_To_Confirm_It()
        {
            // Given
            var world = new StepWorld();
            var table = new SettingsTable(world) { TokenWithStoredSecret = null };

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Single(table.Posts);
            Assert.EndsWith("the client secret was written and accepted (Creatio has no usable health check to confirm the stored secret).", Check(result).Message, StringComparison.Ordinal);
        }
    }

    public sealed class ANewConnection
    {
        [Fact]
        public async Task Should_Write_All_Three_In_One_Request_And_Say_They_Were_Not_Set()
        {
            // Given
            var world = new StepWorld();
            var table = new SettingsTable(world, url: string.Empty, clientId: string.Empty, secret: string.Empty);

            // When
            var result = await RunAsync(world);

            // Then
            var post = Assert.Single(table.Posts);
            Assert.Equal([Url, ClientId, ClientSecret], post.Select(pair => pair.Key));
            Assert.Equal(
                [new Change(Url, "(not set)", StepWorld.IdentityServiceUrl), new Change(ClientId, "(not set)", StepWorld.ClientId), new Change(ClientSecret, "(not set)", Secret.Mask)],
                result.Changes);
            Assert.Equal(
                "Wrote 3 setting(s) in one request and read them back; the client secret was written and accepted (the Identity Service URL or client id changes with it).",
                Check(result).Message);
        }

        [Fact]
        public async Task Should_Call_The_Secret_Replaced_When_The_Connection_Had_A_Client_Before()
        {
            // Given
            var world = new StepWorld();
            _ = new SettingsTable(world, clientId: "old-client", secret: "old-secret");

            // When
            var result = await RunAsync(world);

            // Then
            Assert.Equal([new Change(ClientId, "old-client", StepWorld.ClientId), new Change(ClientSecret, Secret.Mask, Secret.Mask)], result.Changes);
        }

        [Fact]
        public async Task Should_List_The_Same_Writes_In_A_Plan_Without_Sending_Them()
        {
            // Given
            var world = new StepWorld();
            var table = new SettingsTable(world, clientId: "old-client");

            // When
            var result = await new ApplySettingsStep().RunAsync(world.Context(StepWorld.Config(), StepTuning.Default).WithPlanOnly(), CancellationToken.None);

            // Then
            Assert.Equal([new Change(ClientId, "old-client", StepWorld.ClientId), new Change(ClientSecret, Secret.Mask, Secret.Mask)], result.Changes);
            Assert.Empty(table.Posts);
            Assert.Empty(result.Checks);
        }

        [Fact]
        public async Task Should_Store_No_Credentials_The_Identity_Service_Refuses()
        {
            // Given
            var world = new StepWorld();
            var table = new SettingsTable(world, clientId: "old-client");
            var refused = new TokenProbeResult(false, "The Identity Service rejected client 'creatio' (invalid_client).", ErrorCodes.Authentication);

            // When
            var result = await RunAsync(world, runnerToken: refused);

            // Then
            Assert.Empty(table.Posts);
            Assert.Equal("old-client", table.Value(ClientId));
            Assert.Equal("Nothing was written to Creatio: the Identity Service does not accept the configured client, and wrong credentials are never stored.", result.Error);
            var token = Assert.Single(result.Checks);
            Assert.Equal((CheckIds.ClientCredentialsToken, CheckStatus.Fail, ErrorCodes.Authentication), (token.Id, token.Status, token.ErrorCode));
            Assert.Empty(result.NotApplied);
        }
    }

    public sealed class ACreatioThatDoesNotTakeAValue
    {
        [Fact]
        public async Task Should_Name_The_Refused_Setting_And_What_Was_Saved_Beside_It()
        {
            // Given
            var world = new StepWorld();
            var table = new SettingsTable(world, url: "https://old.example.com/", clientId: "old-client");
            table.Refused.Add(Url);

            // When
            var result = await RunAsync(world);

            // Then
            var check = Check(result);
            Assert.Equal(
                $"Creatio refused to save {Url} (saveResult false); saved: {ClientId}, {ClientSecret}. Check that each code exists in Creatio (System settings), that the value fits its type, and that 'Supervisor' may change it.",
                check.Message);
            Assert.Equal(ConfigPaths.IdentityService.Url, check.ConfigPath);
            Assert.Equal([new NotApplied(Url, "https://old.example.com/", StepWorld.IdentityServiceUrl, WriteState.Refused)], result.NotApplied);
            Assert.Equal([ClientId, ClientSecret], result.Changes.Select(change => change.Item));
        }

        [Fact]
        public async Task Should_Say_Nothing_Was_Saved_When_Every_Setting_Is_Refused()
        {
            // Given
            var world = new StepWorld();
            var table = new SettingsTable(world) { TokenWithStoredSecret = false };
            table.Refused.Add(ClientSecret);

            // When
            var result = await RunAsync(world);

            // Then
            Assert.StartsWith($"Creatio refused to save {ClientSecret} (saveResult false); nothing was saved. ", Check(result).Message, StringComparison.Ordinal);
        }

        [Fact]
        public async Task Should_Quote_A_Value_That_Reads_Back_Otherwise()
        {
            // Given: a personal value of the user overrides the client id
            var world = new StepWorld();
            var table = new SettingsTable(world, clientId: "old-client");
            table.ReadsBack[ClientId] = "personal-client";

            // When
            var result = await RunAsync(world);

            // Then
            var check = Check(result);
            Assert.Equal($"Creatio accepted {ClientId} but reads back 'personal-client': a personal value or a value type conversion may override it.", check.Message);
            Assert.Equal(ConfigPaths.IdentityService.ClientId, check.ConfigPath);
        }

        [Fact]
        public async Task Should_Send_Nothing_When_A_Value_Does_Not_Fit_The_Type_Creatio_Declares()
        {
            // Given
            var world = new StepWorld();
            var table = new SettingsTable(world).Set("MaxSessions", "5", DataValueType.Integer);

            // When
            var result = await RunAsync(world, settings: new Dictionary<string, string> { ["MaxSessions"] = "many" });

            // Then
            Assert.Empty(table.Posts);
            var check = Check(result);
            Assert.Equal("settings.MaxSessions does not fit the setting MaxSessions: Creatio declares it an integer: write a whole number. Nothing was written.", check.Message);
            Assert.Equal((ConfigPaths.Settings.Entry("MaxSessions"), ErrorCodes.Configuration), (check.ConfigPath, check.ErrorCode));
        }

        [Fact]
        public async Task Should_Mask_And_Always_Write_A_Setting_Creatio_Does_Not_Give_Back()
        {
            // Given: Creatio leaves the code out of its answer (SecureText, or a code it does not know)
            var world = new StepWorld();
            var table = new SettingsTable(world);

            // When
            var result = await RunAsync(world, settings: new Dictionary<string, string> { ["SmtpPassword"] = "mail-secret" });

            // Then
            Assert.Equal("mail-secret", (string?)Assert.Single(table.Posts)["SmtpPassword"]);
            Assert.Equal([new Change("SmtpPassword", Secret.Mask, Secret.Mask)], result.Changes);
            Assert.Equal(CheckStatus.Pass, Check(result).Status);
        }

        [Fact]
        public async Task Should_Not_Quote_A_Secret_Setting_That_Reads_Back_Otherwise()
        {
            // Given
            var world = new StepWorld();
            var table = new SettingsTable(world).Set("ApiKey", "old-key");
            table.ReadsBack["ApiKey"] = "someone-elses-key";
            var config = StepWorld.Config(settings: new Dictionary<string, string> { ["ApiKey"] = "new-key" }) with { SecretSettings = new HashSet<string> { "ApiKey" } };

            // When
            var result = await new ApplySettingsStep().RunAsync(world.Context(config, StepTuning.Default), CancellationToken.None);

            // Then
            var check = Check(result);
            Assert.Equal("Creatio accepted ApiKey but reads back another value: a personal value or a value type conversion may override it.", check.Message);
            Assert.DoesNotContain("someone-elses-key", check.Message, StringComparison.Ordinal);
            Assert.Equal([new Change("ApiKey", Secret.Mask, Secret.Mask)], result.Changes);
        }

        [Fact]
        public async Task Should_Hold_Back_Every_Setting_While_The_Connection_It_Changes_Is_Refused()
        {
            // Given: the client id and a setting of settings: differ, and the Identity Service refuses the client
            var world = new StepWorld();
            var table = new SettingsTable(world, clientId: "old-client").Set("MaxSessions", "5", DataValueType.Integer);
            var refused = new TokenProbeResult(false, "The Identity Service rejected client 'creatio' (invalid_client).", ErrorCodes.Authentication);

            // When
            var result = await RunAsync(world, settings: new Dictionary<string, string> { ["MaxSessions"] = "7" }, runnerToken: refused);

            // Then
            Assert.Empty(table.Posts);
            Assert.Equal(StepStatus.Failed, result.Status);
        }

        [Fact]
        public async Task Should_Write_A_Setting_In_The_Type_Creatio_Declares()
        {
            // Given
            var world = new StepWorld();
            var table = new SettingsTable(world).Set("MaxSessions", "5", DataValueType.Integer);

            // When
            var result = await RunAsync(world, settings: new Dictionary<string, string> { ["MaxSessions"] = "7" });

            // Then
            Assert.Equal("7", Assert.Single(table.Posts)["MaxSessions"]!.ToJsonString());
            Assert.Equal([new Change("MaxSessions", "5", "7")], result.Changes);
            Assert.Equal("Wrote 1 setting(s) in one request and read them back; the client secret unchanged, since Creatio gets a token with it.", Check(result).Message);
        }
    }
}
