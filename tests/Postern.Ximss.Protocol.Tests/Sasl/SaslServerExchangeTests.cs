using System.Text;
using Postern.Ximss.Protocol.Sasl;

namespace Postern.Ximss.Protocol.Tests.Sasl;

public class SaslServerExchangeTests
{
    [Fact]
    public void PlainWithAnInitialResponseCompletesAtOnce()
    {
        var step = new SaslServerExchange(SaslMechanism.Plain, "mail.example.com").Start(Base64("\0tim\0tanstaaf"));

        Assert.Equal(SaslStepKind.Completed, step.Kind);
        Assert.Equal(new PasswordCredentials(null, "tim", "tanstaaf"), step.Credentials);
    }

    [Fact]
    public void PlainWithoutAnInitialResponseSendsAnEmptyChallengeFirst()
    {
        var exchange = new SaslServerExchange(SaslMechanism.Plain, "mail.example.com");

        var challenge = exchange.Start(null);
        var done = exchange.Continue(Base64("admin\0tim\0pässwörd"));

        Assert.Equal(SaslStepKind.Challenge, challenge.Kind);
        Assert.Empty(challenge.Challenge!);
        Assert.Equal(new PasswordCredentials("admin", "tim", "pässwörd"), done.Credentials);
    }

    [Fact]
    public void LoginPromptsForUserNameThenPassword()
    {
        var exchange = new SaslServerExchange(SaslMechanism.Login, "mail.example.com");

        var first = exchange.Start(null);
        var second = exchange.Continue(Base64("tim"));
        var done = exchange.Continue(Base64("secret"));

        Assert.Equal("Username:", Encoding.ASCII.GetString(first.Challenge!));
        Assert.Equal("Password:", Encoding.ASCII.GetString(second.Challenge!));
        Assert.Equal(new PasswordCredentials(null, "tim", "secret"), done.Credentials);
    }

    [Fact]
    public void LoginInitialResponseIsTheUserName()
    {
        var exchange = new SaslServerExchange(SaslMechanism.Login, "mail.example.com");

        Assert.Equal("Password:", Encoding.ASCII.GetString(exchange.Start(Base64("tim")).Challenge!));
        Assert.Equal("tim", exchange.Continue(Base64("secret")).Credentials?.UserName);
    }

    [Fact]
    public void CramMd5ChallengeIsUniqueAndTheAnswerVerifiesAgainstThePassword()
    {
        var exchange = new SaslServerExchange(SaslMechanism.CramMd5, "mail.example.com");
        var challenge = Encoding.ASCII.GetString(exchange.Start(null).Challenge!);
        var other = Encoding.ASCII.GetString(new SaslServerExchange(SaslMechanism.CramMd5, "mail.example.com").Start(null).Challenge!);

        Assert.Matches("^<[0-9a-f]{16}\\.[0-9]+@mail\\.example\\.com>$", challenge);
        Assert.NotEqual(challenge, other);

        var digest = CramMd5Credentials.ComputeDigest("secret", challenge);
        var credentials = Assert.IsType<CramMd5Credentials>(exchange.Continue(Base64("tim " + digest)).Credentials);
        Assert.Equal(new CramMd5Credentials("tim", challenge, digest), credentials);
    }

    [Fact]
    public void StarCancels()
    {
        var exchange = new SaslServerExchange(SaslMechanism.Login, "mail.example.com");
        exchange.Start(null);

        Assert.Same(XimssError.AuthenticationCancelled, exchange.Continue("*").Error);
    }

    [Theory]
    [InlineData(SaslMechanism.Plain, "not base64!")]
    [InlineData(SaslMechanism.Plain, "dGlt")]
    [InlineData(SaslMechanism.Plain, "AAA=")]
    [InlineData(SaslMechanism.CramMd5, "dGlt")]
    [InlineData(SaslMechanism.CramMd5, "dGltIHh5eg==")]
    public void MalformedResponsesFail(SaslMechanism mechanism, string response)
    {
        var exchange = new SaslServerExchange(mechanism, "mail.example.com");
        exchange.Start(null);

        var step = exchange.Continue(response);

        Assert.Equal(SaslStepKind.Failed, step.Kind);
        Assert.Same(XimssError.InvalidAuthenticationData, step.Error);
    }

    [Fact]
    public void CramMd5RefusesAnInitialResponse()
    {
        Assert.Same(XimssError.InvalidAuthenticationData, new SaslServerExchange(SaslMechanism.CramMd5, "h").Start("dGlt").Error);
    }

    [Fact]
    public void NothingIsAcceptedAfterTheExchangeEnds()
    {
        var exchange = new SaslServerExchange(SaslMechanism.Plain, "h");
        exchange.Start(Base64("\0tim\0pw"));

        Assert.Same(XimssError.NoAuthenticationInProgress, exchange.Continue(Base64("\0tim\0pw")).Error);
        Assert.Same(XimssError.NoAuthenticationInProgress, exchange.Start(null).Error);
    }

    [Fact]
    public void EqualsSignIsAnEmptyResponse()
    {
        var exchange = new SaslServerExchange(SaslMechanism.Login, "h");
        exchange.Start(null);

        Assert.Equal(SaslStepKind.Challenge, exchange.Continue("=").Kind);
    }

    [Fact]
    public void PasswordNeverAppearsInToString()
    {
        Assert.DoesNotContain("hunter2", new PasswordCredentials(null, "tim", "hunter2").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void MechanismNamesAreCaseInsensitiveOnInputAndUpperCaseOnOutput()
    {
        Assert.True(SaslMechanismNames.TryParse("cram-md5", out var mechanism));
        Assert.Equal(SaslMechanism.CramMd5, mechanism);
        Assert.Equal("CRAM-MD5", SaslMechanismNames.ToName(mechanism));
        Assert.False(SaslMechanismNames.TryParse("DIGEST-MD5", out _));
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
