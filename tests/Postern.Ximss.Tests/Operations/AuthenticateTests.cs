using System.Text;
using System.Text.RegularExpressions;
using Postern.Ximss.Protocol.Sasl;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Operations;

public partial class AuthenticateTests : IAsyncLifetime
{
    private XimssHarness _ximss = null!;

    public async Task InitializeAsync() => _ximss = await XimssHarness.CreateAsync();

    public async Task DisposeAsync() => await _ximss.DisposeAsync();

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("authenticate")]
    [InlineData("login")]
    public async Task CramMd5InEitherShapeChallengesThenLogsIn(string element)
    {
        var (channel, _) = _ximss.TcpChannel();

        var challenge = await _ximss.SendAsync(channel, $"<{element} id=\"A1\" method=\"CRAM-MD5\"/>");
        var value = ChallengeValue().Match(Assert.Single(challenge));
        Assert.True(value.Success, challenge[0]);
        Assert.Equal(value.Groups[1].Value, value.Groups[2].Value); // in the attribute and in the text (docs/ximss.md §6)
        var text = Encoding.ASCII.GetString(Convert.FromBase64String(value.Groups[1].Value));
        Assert.Matches("^<[0-9a-f]{16}\\.\\d+@mail\\.example\\.com>$", text);

        var reply = await _ximss.SendAsync(channel, $"<auth id=\"A1\">{Base64("alice " + CramMd5Credentials.ComputeDigest("secret", text))}</auth>");

        Assert.StartsWith("<session id=\"A1\" ", reply[0]);
        Assert.Equal("<response id=\"A1\"/>", reply[^1]);
    }

    [Fact]
    public async Task PlainWithAnInitialResponseLogsInAtOnce()
    {
        var (channel, _) = _ximss.TcpChannel();

        var reply = await _ximss.SendAsync(channel, $"<authenticate id=\"P\" method=\"PLAIN\">{Base64("\0alice@example.com\0secret")}</authenticate>");

        Assert.Equal("<response id=\"P\"/>", reply[^1]);
        Assert.NotNull(channel.Session);
    }

    [Fact]
    public async Task LoginAsksForTheNameThenThePassword()
    {
        var (channel, _) = _ximss.TcpChannel();

        var first = await _ximss.SendAsync(channel, "<authenticate id=\"L\" method=\"LOGIN\"/>");
        var second = await _ximss.SendAsync(channel, $"<auth id=\"L\" value=\"{Base64("alice")}\"/>");
        var last = await _ximss.SendAsync(channel, $"<auth id=\"L\" value=\"{Base64("secret")}\"/>");

        Assert.Equal([$"<challenge id=\"L\" value=\"{Base64("Username:")}\">{Base64("Username:")}</challenge>"], first);
        Assert.Equal([$"<challenge id=\"L\" value=\"{Base64("Password:")}\">{Base64("Password:")}</challenge>"], second);
        Assert.Equal("<response id=\"L\"/>", last[^1]);
    }

    [Fact]
    public async Task AWrongCramDigestIsAnIncorrectPassword()
    {
        var (channel, _) = _ximss.TcpChannel();
        await _ximss.SendAsync(channel, "<authenticate id=\"A1\" method=\"CRAM-MD5\"/>");

        var reply = await _ximss.SendAsync(channel, $"<auth id=\"A1\">{Base64("alice 0123456789abcdef0123456789abcdef")}</auth>");

        Assert.Equal(["<response id=\"A1\" errorText=\"incorrect password or account name\" errorNum=\"515\"/>"], reply);
    }

    [Fact]
    public async Task AStarCancelsTheExchange()
    {
        var (channel, _) = _ximss.TcpChannel();
        await _ximss.SendAsync(channel, "<authenticate id=\"A1\" method=\"LOGIN\"/>");

        Assert.Equal(["<response id=\"A1\" errorText=\"authentication cancelled\" errorNum=\"512\"/>"], await _ximss.SendAsync(channel, "<auth id=\"A1\">*</auth>"));
        Assert.Equal(["<response id=\"A1\" errorText=\"no authentication in progress\" errorNum=\"514\"/>"], await _ximss.SendAsync(channel, "<auth id=\"A1\">*</auth>"));
    }

    [Fact]
    public async Task AnAuthUnderAnotherIdDoesNotContinueTheExchange()
    {
        var (channel, _) = _ximss.TcpChannel();
        await _ximss.SendAsync(channel, "<authenticate id=\"A1\" method=\"LOGIN\"/>");

        var reply = await _ximss.SendAsync(channel, $"<auth id=\"other\">{Base64("alice")}</auth>");

        Assert.Equal(["<response id=\"other\" errorText=\"no authentication in progress\" errorNum=\"514\"/>"], reply);
    }

    [Fact]
    public async Task ANewExchangeAnswersTheAbandonedOneFirst()
    {
        var (channel, _) = _ximss.TcpChannel();
        await _ximss.SendAsync(channel, "<authenticate id=\"old\" method=\"LOGIN\"/>");

        var reply = await _ximss.SendAsync(channel, "<authenticate id=\"new\" method=\"LOGIN\"/>");

        Assert.Equal("<response id=\"old\" errorText=\"authentication cancelled\" errorNum=\"512\"/>", reply[0]);
        Assert.StartsWith("<challenge id=\"new\"", reply[1]);
    }

    [Fact]
    public async Task ActingAsAnotherUserIsRefused()
    {
        var (channel, _) = _ximss.TcpChannel();

        var reply = await _ximss.SendAsync(channel, $"<authenticate id=\"P\" method=\"PLAIN\">{Base64("postmaster\0alice\0secret")}</authenticate>");

        Assert.Equal(["<response id=\"P\" errorText=\"incorrect password or account name\" errorNum=\"515\"/>"], reply);
    }

    [GeneratedRegex("^<challenge id=\"A1\" value=\"([^\"]+)\">([^<]+)</challenge>$")]
    private static partial Regex ChallengeValue();
}
