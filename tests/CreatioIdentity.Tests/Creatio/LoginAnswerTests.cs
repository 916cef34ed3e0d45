using CreatioIdentity.Creatio;

namespace CreatioIdentity.Tests.Creatio;

/// <summary>What AuthService.svc/Login's answer means, in full (8.1 loginModule.js; creatioclient Login), never quoting the server.</summary>
public sealed class LoginAnswerTests
{
    private static CreatioResponse Answer(string body, int status = 200) => new(CreatioRoutes.Login, status, "application/json", body);

    private static string Refusal(string body, int status = 200, bool sessionSet = true)
    {
        var exception = Assert.Throws<CreatioException>(() => LoginAnswer.Judge(Answer(body, status), "Supervisor", sessionSet));
        Assert.Equal(CreatioFailure.Authentication, exception.Failure);
        return exception.Message;
    }

    [Theory]
    [InlineData("""{"Code":0}""")]
    [InlineData("""{"code":0,"Message":""}""")]
    public void Should_Log_In_Without_A_Word_On_Code_0(string body) =>
        Assert.Null(LoginAnswer.Judge(Answer(body), "Supervisor", sessionSet: true));

    [Fact]
    public void Should_Warn_That_A_Password_Change_Is_Recommended_On_Code_2() =>
        Assert.Equal(
            "Creatio recommends changing the password of user 'Supervisor' (login Code 2). Change it in Creatio before it expires, and update the variable creatio.password reads.",
            LoginAnswer.Judge(Answer("""{"Code":2}"""), "Supervisor", sessionSet: true));

    [Fact]
    public void Should_Warn_That_The_Password_Expired_On_Code_5() =>
        Assert.Equal(
            "The password of user 'Supervisor' has expired (login Code 5). Creatio let this login through, as its login page does, but may refuse the next one: change it in Creatio and update the variable creatio.password reads.",
            LoginAnswer.Judge(Answer("""{"Code":5}"""), "Supervisor", sessionSet: true));

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(5)]
    public void Should_Refuse_An_Accepted_Login_Without_A_Session_Cookie(int code) =>
        Assert.Equal(
            "Creatio accepted the login but set no .ASPXAUTH session cookie: a proxy in between may strip cookies.",
            Refusal($$"""{"Code":{{code}}}""", sessionSet: false));

    [Fact]
    public void Should_Name_Wrong_Credentials_On_Code_1() =>
        Assert.Equal(
            "Creatio rejected the login of user 'Supervisor' (Code 1: wrong user name or password). Check creatio.username and creatio.password, and that the user is not locked.",
            Refusal("""{"Code":1,"Message":"echo p@ss"}"""));

    [Fact]
    public void Should_Say_Where_To_Grant_A_Licence_On_Code_3() =>
        Assert.Equal(
            "Creatio refused the login of user 'Supervisor' for lack of a licence (Code 3: the user has none, but may manage licences). Grant the user a licence in the License manager (/ClientApp/#/LicenseManager), then run again.",
            Refusal("""{"Code":3}"""));

    [Fact]
    public void Should_Send_The_User_To_An_Administrator_On_Code_4() =>
        Assert.Equal(
            "Creatio refused the login of user 'Supervisor' for lack of a licence (Code 4: the user has none and may not manage licences). Ask an administrator to grant the user a licence in the License manager, or renew the site's licences, then run again.",
            Refusal("""{"Code":4}"""));

    [Fact]
    public void Should_Name_A_Code_It_Does_Not_Know() =>
        Assert.Equal(
            "Creatio refused the login of user 'Supervisor' (Code 7, which this tool does not know). Log in as this user in a browser to see why.",
            Refusal("""{"Code":7}"""));

    [Fact]
    public void Should_Take_401_As_The_Credentials() =>
        Assert.Equal(
            "Creatio refused the login of user 'Supervisor' with HTTP 401: the user name or the password is wrong. Check creatio.username and creatio.password.",
            Refusal("{}", 401));

    [Fact]
    public void Should_Take_403_As_The_User_Refused() =>
        Assert.Equal(
            "Creatio refused the login of user 'Supervisor' with HTTP 403: the password must be changed and that was denied, or the user may not log in. Log in as this user in a browser to see why.",
            Refusal("{}", 403));

    [Fact]
    public void Should_Never_Quote_A_Failed_Login_Service()
    {
        // When
        var exception = Assert.Throws<CreatioException>(() => LoginAnswer.Judge(Answer("""{"echo":"p@ss"}""", 500), "Supervisor", sessionSet: false));

        // Then
        Assert.Equal(CreatioFailure.HttpStatus, exception.Failure);
        Assert.Equal(
            "Creatio answered ServiceModel/AuthService.svc/Login with HTTP 500 (the answer is not quoted, as the request carried a secret). The login service failed: check that the site is up and look at Creatio's error log.",
            exception.Message);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"Code":"0"}""")]
    [InlineData("""{"Code":0.5}""")]
    public void Should_Not_Understand_A_Login_Answer_Without_A_Numeric_Code(string body)
    {
        // When
        var exception = Assert.Throws<CreatioException>(() => LoginAnswer.Judge(Answer(body), "Supervisor", sessionSet: true));

        // Then
        Assert.Equal(CreatioFailure.UnexpectedAnswer, exception.Failure);
        Assert.StartsWith("Creatio answered ServiceModel/AuthService.svc/Login with HTTP 200 that was not understood (no \"Code\" in the login answer) (the answer is not quoted", exception.Message, StringComparison.Ordinal);
    }
}
