using Postern.Accounts.Security;
using Postern.Ximss.Authentication;
using Postern.Ximss.Tests.Support;

namespace Postern.Ximss.Tests.Operations;

public class LoginTests : IAsyncLifetime
{
    private XimssHarness _ximss = null!;

    public async Task InitializeAsync() => _ximss = await XimssHarness.CreateAsync(security: o => o.LoginThrottle.MaxFailures = 3);

    public async Task DisposeAsync() => await _ximss.DisposeAsync();

    [Fact]
    public async Task TheRightPasswordStartsASessionNamedInTheSessionMessage()
    {
        var (channel, _) = _ximss.TcpChannel();

        var reply = await _ximss.SendAsync(channel, "<login id=\"A001\" authData=\"alice@example.com\" password=\"secret\"/>");

        var session = channel.Session!;
        Assert.Equal([$"<session id=\"A001\" urlID=\"{session.Id}\" userName=\"alice@example.com\" realName=\"Alice Example\"/>", "<response id=\"A001\"/>"], reply);
        Assert.Same(session, _ximss.Get<Postern.Sessions.SessionRegistry>().Snapshot().Single());
    }

    [Fact]
    public async Task ABareNameIsLookedUpInTheMainDomain()
    {
        var (channel, _) = _ximss.TcpChannel();

        Assert.Equal("alice@example.com", (await _ximss.LoginAsync(channel, "Alice")).Account.ToString());
    }

    [Theory]
    [InlineData("alice@example.com", "wrong")]
    [InlineData("nobody@example.com", "secret")]
    [InlineData("alice@nowhere.example", "secret")]
    public async Task WrongCredentialsGetCommuniGatesErrorWhateverWasWrong(string user, string password)
    {
        var (channel, _) = _ximss.TcpChannel();

        var reply = await _ximss.SendAsync(channel, $"<login id=\"1\" authData=\"{user}\" password=\"{password}\"/>");

        Assert.Equal(["<response id=\"1\" errorText=\"incorrect password or account name\" errorNum=\"515\"/>"], reply);
        Assert.Null(channel.Session);
    }

    [Fact]
    public async Task AfterRepeatedFailuresTheAddressIsLockedOutEvenWithTheRightPassword()
    {
        var (channel, _) = _ximss.TcpChannel();
        for (var i = 0; i < 3; i++)
            await _ximss.SendAsync(channel, "<login id=\"1\" authData=\"alice\" password=\"wrong\"/>");

        var reply = await _ximss.SendAsync(channel, "<login id=\"2\" authData=\"alice\" password=\"secret\"/>");
        var (other, _) = _ximss.TcpChannel("192.0.2.99");

        Assert.Equal(["<response id=\"2\" errorText=\"too many failed login attempts; try again later\" errorNum=\"519\"/>"], reply);
        Assert.NotNull(await _ximss.LoginAsync(other));
    }

    [Fact]
    public async Task ALoginInsideAnHttpPreLoginBodyIsRefused()
    {
        var reply = await _ximss.SendAsync(_ximss.HttpChannel(), "<login id=\"1\" authData=\"alice\" password=\"secret\"/>");

        Assert.Equal(["<response id=\"1\" errorText=\"operation is not available on this channel\" errorNum=\"518\"/>"], reply);
    }

    [Fact]
    public async Task SessionsPerAddressAreLimited()
    {
        await using var ximss = await XimssHarness.CreateAsync(o => o.Limits.MaxSessionsPerAddress = 1);
        await ximss.LoginAsync(ximss.TcpChannel().Channel);

        var reply = await ximss.SendAsync(ximss.TcpChannel().Channel, "<login id=\"1\" authData=\"alice\" password=\"secret\"/>");

        Assert.Equal(["<response id=\"1\" errorText=\"too many sessions from this address; try again later\" errorNum=\"593\"/>"], reply);
    }

    [Fact]
    public async Task AnEndedSessionFreesItsPlaceForTheAddress()
    {
        await using var ximss = await XimssHarness.CreateAsync(o => o.Limits.MaxSessionsPerAddress = 1);
        var (first, _) = ximss.TcpChannel();
        await ximss.LoginAsync(first);
        await ximss.SendAsync(first, "<bye id=\"b\"/>");

        Assert.NotNull(await ximss.LoginAsync(ximss.TcpChannel().Channel));
    }

    [Fact]
    public async Task PendingAlertsFollowTheSessionMessageAndAreThenAcknowledged()
    {
        var alice = await _ximss.AliceAsync();
        await _ximss.Get<Postern.Accounts.AlertService>().PostAsync(alice, "Server restarts at 22:00", CancellationToken.None);
        var (channel, _) = _ximss.TcpChannel();

        var reply = await _ximss.SendAsync(channel, "<login id=\"1\" authData=\"alice\" password=\"secret\"/>");

        Assert.StartsWith("<session ", reply[0]);
        Assert.Matches("^<alert gmtTime=\"\\d{8}T\\d{6}\" localTime=\"\\d{8}T\\d{6}\">Server restarts at 22:00</alert>$", reply[1]);
        Assert.Equal("<response id=\"1\"/>", reply[2]);
        Assert.Empty(await _ximss.Get<Postern.Accounts.AlertService>().ListPendingAsync(alice, CancellationToken.None));
    }

    [Fact]
    public async Task AnAlertPostedDuringTheSessionArrivesAsAnAsynchronousMessage()
    {
        var (channel, sink) = _ximss.TcpChannel();
        await _ximss.LoginAsync(channel);
        var delivered = sink.NextDelivery;

        await _ximss.Get<Postern.Accounts.AlertService>().PostAsync(await _ximss.AliceAsync(), "Disk almost full", CancellationToken.None);
        await delivered.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(sink.Messages, m => m.EndsWith(">Disk almost full</alert>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheThrottleRecordsFailuresPerAddress()
    {
        var (channel, _) = _ximss.TcpChannel("192.0.2.50");
        await _ximss.SendAsync(channel, "<login id=\"1\" authData=\"alice\" password=\"wrong\"/>");

        Assert.Equal(1, _ximss.Get<LoginThrottle>().TrackedAddresses);
    }
}
