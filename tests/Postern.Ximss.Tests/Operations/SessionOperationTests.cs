using Postern.Accounts.Preferences;
using Postern.Data;
using Postern.Sessions;
using Postern.Ximss.Engine;
using Postern.Ximss.Operations;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Operations;

/// <summary>noop, bye, readTime, setSessionOption, setClientName, listKnownValues, listFeatures, starttls.</summary>
public class SessionOperationTests : IAsyncLifetime
{
    private XimssHarness _ximss = null!;

    public async Task InitializeAsync() => _ximss = await XimssHarness.CreateAsync();

    public async Task DisposeAsync() => await _ximss.DisposeAsync();

    [Fact]
    public async Task NoopAnswersAndKeepsTheSessionAlive()
    {
        var (channel, _) = _ximss.TcpChannel();
        var session = await _ximss.LoginAsync(channel);
        var before = session.LastActivity;
        await Task.Delay(20);

        Assert.Equal(["<response id=\"n\"/>"], await _ximss.SendAsync(channel, "<noop id=\"n\"/>"));
        Assert.True(session.LastActivity > before);
    }

    [Fact]
    public async Task ByeEndsTheSessionAndAsksTheTransportToClose()
    {
        var (channel, _) = _ximss.TcpChannel();
        var session = await _ximss.LoginAsync(channel);

        Assert.Equal(["<response id=\"b\"/>"], await _ximss.SendAsync(channel, "<bye id=\"b\"/>"));
        Assert.Equal(SessionEndReason.Logout, session.EndReason);
        Assert.Equal(ChannelFollowUp.Close, channel.FollowUp);
        Assert.Empty(_ximss.Get<SessionRegistry>().Snapshot());
    }

    [Fact]
    public async Task ReadTimeGivesGmtAndTheAccountsLocalTime()
    {
        var (channel, _) = _ximss.TcpChannel();
        await _ximss.LoginAsync(channel);
        await _ximss.Get<PreferencesService>().UpdateAsync(await _ximss.AliceAsync(), new DataDictionary { ["TimeZone"] = "(+0300) Moscow" }, CancellationToken.None);

        var reply = await _ximss.SendAsync(channel, "<readTime id=\"t\"/>");

        var match = System.Text.RegularExpressions.Regex.Match(reply[0], "^<currentTime id=\"t\" gmtTime=\"(\\d{8}T\\d{6})\" localTime=\"(\\d{8}T\\d{6})\"/>$");
        Assert.True(match.Success, reply[0]);
        var gmt = DateTime.ParseExact(match.Groups[1].Value, "yyyyMMdd'T'HHmmss", null);
        var local = DateTime.ParseExact(match.Groups[2].Value, "yyyyMMdd'T'HHmmss", null);
        Assert.Equal(TimeSpan.FromHours(3), local - gmt);
        Assert.InRange(DateTime.UtcNow - gmt, TimeSpan.FromSeconds(-2), TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData("3600", 3600)]
    [InlineData("5", 30)]
    [InlineData("0", 30)]
    [InlineData("999999999", 86400)]
    public async Task IdleTimeoutIsSetWithinTheServersBounds(string value, int seconds)
    {
        var (channel, _) = _ximss.TcpChannel();
        var session = await _ximss.LoginAsync(channel);

        Assert.Equal(["<response id=\"o\"/>"], await _ximss.SendAsync(channel, $"<setSessionOption id=\"o\" name=\"idleTimeout\" value=\"{value}\"/>"));
        Assert.Equal(TimeSpan.FromSeconds(seconds), session.IdleTimeout);
    }

    [Theory]
    [InlineData("idleTimeout", "soon", "invalid \"value\" attribute: expected a number of seconds")]
    [InlineData("idleTimeout", "-5", "invalid \"value\" attribute: expected a number of seconds")]
    [InlineData("reportMailboxChanges", "maybe", "invalid \"value\" attribute: expected yes or no")]
    public async Task UnreadableOptionValuesAreRefused(string name, string value, string error)
    {
        var (channel, _) = _ximss.TcpChannel();
        await _ximss.LoginAsync(channel);

        Assert.Equal([$"<response id=\"o\" errorText=\"{error.Replace("\"", "&quot;")}\" errorNum=\"504\"/>"],
            await _ximss.SendAsync(channel, $"<setSessionOption id=\"o\" name=\"{name}\" value=\"{value}\"/>"));
    }

    [Fact]
    public async Task ReportMailboxChangesAndUnknownOptionsAreAccepted()
    {
        var (channel, _) = _ximss.TcpChannel();
        var session = await _ximss.LoginAsync(channel);

        await _ximss.SendAsync(channel, "<setSessionOption id=\"o\" name=\"reportMailboxChanges\" value=\"yes\"/>");
        var unknown = await _ximss.SendAsync(channel, "<setSessionOption id=\"u\" name=\"reportTypingEvents\" value=\"1\"/>");

        Assert.True(session.ReportMailboxChanges);
        Assert.Equal(["<response id=\"u\"/>"], unknown);
    }

    [Fact]
    public async Task TheClientNameShowsInTheSession()
    {
        var (channel, _) = _ximss.TcpChannel();
        var session = await _ximss.LoginAsync(channel);

        await _ximss.SendAsync(channel, "<setClientName id=\"c\" name=\"Samoware 6.1\"/>");

        Assert.Equal("Samoware 6.1", session.ClientName);
    }

    [Fact]
    public async Task KnownValuesListTimeZonesAndCharsets()
    {
        var (channel, _) = _ximss.TcpChannel();
        await _ximss.LoginAsync(channel);

        var reply = await _ximss.SendAsync(channel, "<listKnownValues id=\"k\"/>");

        Assert.StartsWith("<knownValues id=\"k\"><tzid name=\"HostOS\"/>", reply[0]);
        Assert.Contains("<tzid name=\"Europe/Berlin\"/>", reply[0]);
        Assert.Contains("<charset name=\"utf-8\"/>", reply[0]);
        Assert.Equal("<response id=\"k\"/>", reply[1]);
    }

    [Fact]
    public async Task FeaturesOnTcpOfferStartTlsAndSaslButNoNonce()
    {
        var (channel, _) = _ximss.TcpChannel(canStartTls: true);

        var reply = await _ximss.SendAsync(channel, "<listFeatures id=\"f\"/>");

        Assert.Equal("<features id=\"f\" domain=\"example.com\"><starttls/><sasl>LOGIN</sasl><sasl>PLAIN</sasl><sasl>CRAM-MD5</sasl>"
            + "<language>english</language></features>", reply[0]);
    }

    [Fact]
    public async Task FeaturesOverHttpCarryANonceAndSignupWhenTheDomainAllowsIt()
    {
        var domains = _ximss.Get<Postern.Accounts.DomainService>();
        var domain = await domains.GetAsync("example.com", CancellationToken.None);
        await domains.SetSettingsAsync(domain, new DataDictionary { ["AutoSignup"] = "YES" }, CancellationToken.None);

        var reply = await _ximss.SendAsync(_ximss.HttpChannel(), "<listFeatures id=\"f\"/>");

        Assert.Matches("^<features id=\"f\" domain=\"example.com\"><sasl>LOGIN</sasl><sasl>PLAIN</sasl><sasl>CRAM-MD5</sasl><nonce>[0-9A-F]{32}</nonce>"
            + "<language>english</language><signup/></features>$", reply[0]);
    }

    [Fact]
    public async Task StartTlsIsRefusedWhereTlsCannotStartAndAcceptedWhereItCan()
    {
        var (clear, _) = _ximss.TcpChannel();
        var (capable, _) = _ximss.TcpChannel(canStartTls: true);

        Assert.Equal(["<response id=\"s\" errorText=\"TLS is not available on this channel\" errorNum=\"516\"/>"], await _ximss.SendAsync(clear, "<starttls id=\"s\"/>"));
        Assert.Equal(["<response id=\"s\"/>"], await _ximss.SendAsync(capable, "<starttls id=\"s\"/>"));
        Assert.Equal(ChannelFollowUp.StartTls, capable.FollowUp);
    }

    [Fact]
    public async Task AnOperationTheServerDoesNotImplementIsAnUnknownCommand()
    {
        await using var ximss = await XimssHarness.CreateAsync(services: s => s.WithoutHandler<FolderClose>());
        var (channel, _) = ximss.TcpChannel();
        await ximss.LoginAsync(channel);

        Assert.Equal(["<response id=\"f\" errorText=\"unknown command\" errorNum=\"500\"/>"],
            await ximss.SendAsync(channel, "<folderClose id=\"f\" folder=\"INBOX\"/>"));
    }
}
