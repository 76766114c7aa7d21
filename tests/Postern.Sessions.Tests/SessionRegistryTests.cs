using System.Net;
using Postern.Accounts;
using Postern.Testing;

namespace Postern.Sessions.Tests;

public class SessionRegistryTests
{
    private static readonly IPAddress s_client = IPAddress.Parse("192.0.2.10");
    private readonly ManualTimeProvider _clock = new();
    private readonly SessionRegistry _registry;

    public SessionRegistryTests() => _registry = new SessionRegistry(new SessionLimits { MaxSessions = 3 }, _clock);

    [Fact]
    public void ARegisteredSessionIsFoundByItsIdentifier()
    {
        var session = Register();

        Assert.Equal(SessionLookup.Found, _registry.Find(session.Id, s_client, out var found));
        Assert.Same(session, found);
        Assert.StartsWith(session.Number + "-", session.Id);
        Assert.True(SessionId.IsWellFormed(session.Id));
    }

    [Fact]
    public void IdentifiersAreNumberedInOrderAndNeverRepeat()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => Register()).ToList();

        Assert.Equal([1, 2, 3], ids.Select(s => s.Number));
        Assert.Equal(3, ids.Select(s => s.Id[(s.Id.IndexOf('-') + 1)..]).Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("1-short")]
    [InlineData("x1-AAAAAAAAAAAAAAAAAAAA")]
    [InlineData("1-AAAAAAAAAAAAAAAAAAA!")]
    [InlineData("-AAAAAAAAAAAAAAAAAAAA")]
    [InlineData("12345678901-AAAAAAAAAAAAAAAAAAAA")]
    public void MalformedIdentifiersAreNotFound(string id)
    {
        Register();

        Assert.Equal(SessionLookup.NotFound, _registry.Find(id, s_client, out _));
    }

    [Fact]
    public void AGuessedSecretIsNotFound()
    {
        var session = Register();
        var guess = session.Number + "-" + new string('A', SessionId.SecretLength);

        Assert.Equal(SessionLookup.NotFound, _registry.Find(guess, s_client, out _));
    }

    [Fact]
    public void AFixedAddressSessionRefusesOtherAddresses()
    {
        var session = Register();

        Assert.Equal(SessionLookup.WrongAddress, _registry.Find(session.Id, IPAddress.Parse("192.0.2.11"), out _));
        Assert.Equal(SessionLookup.Found, _registry.Find(session.Id, s_client.MapToIPv6(), out _));
    }

    [Fact]
    public void ASessionWithoutIPWatchAcceptsAnyAddress()
    {
        var session = new TestSession(_clock) { FixedAddress = false };
        _registry.TryRegister(session);

        Assert.Equal(SessionLookup.Found, _registry.Find(session.Id, IPAddress.Parse("198.51.100.7"), out _));
    }

    [Fact]
    public void AnIdleSessionExpiresAndIsCancelled()
    {
        var session = Register();
        _clock.Advance(TimeSpan.FromMinutes(9));
        session.Touch();
        _clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, _registry.ExpireIdle());

        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, _registry.ExpireIdle());
        Assert.True(session.Ended.IsCancellationRequested);
        Assert.Equal(SessionEndReason.IdleTimeout, session.EndReason);
        Assert.Equal(SessionLookup.NotFound, _registry.Find(session.Id, s_client, out _));
    }

    [Fact]
    public void AnIdleSessionIsNotFoundEvenBeforeTheNextScan()
    {
        var session = Register();
        _clock.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal(SessionLookup.NotFound, _registry.Find(session.Id, s_client, out _));
        Assert.True(session.HasEnded);
    }

    [Fact]
    public async Task TheExpiryLoopEndsIdleSessions()
    {
        var session = Register();
        using var stop = new CancellationTokenSource();
        var loop = _registry.RunExpiryAsync(stop.Token);

        _clock.Advance(TimeSpan.FromMinutes(11));
        await Task.WhenAny(Task.Delay(Timeout.Infinite, session.Ended), Task.Delay(TimeSpan.FromSeconds(10)));

        Assert.True(session.HasEnded);
        await stop.CancelAsync();
        await loop;
    }

    [Fact]
    public void TheRegistryRefusesSessionsBeyondItsLimit()
    {
        Register();
        Register();
        Register();

        Assert.False(_registry.TryRegister(new TestSession(_clock)));
        Assert.Equal(3, _registry.Count);
    }

    [Fact]
    public void EndingASessionTwiceKeepsTheFirstReason()
    {
        var session = Register();

        _registry.End(session, SessionEndReason.Logout);
        _registry.End(session, SessionEndReason.Shutdown);

        Assert.Equal(SessionEndReason.Logout, session.EndReason);
        Assert.Equal(1, session.EndingCalls);
    }

    [Fact]
    public void SnapshotListsLiveSessionsOfAKindInCreationOrder()
    {
        var first = Register();
        var second = Register();
        _registry.End(first, SessionEndReason.Logout);

        Assert.Equal([second], _registry.Snapshot(SessionKind.Ximss));
        Assert.Empty(_registry.Snapshot(SessionKind.WebUser));
    }

    private TestSession Register()
    {
        var session = new TestSession(_clock);
        Assert.True(_registry.TryRegister(session));
        return session;
    }

    private sealed class TestSession(TimeProvider time)
        : Session(SessionKind.Ximss, 7, new AccountName("alice", "example.com"), s_client, time)
    {
        public int EndingCalls { get; private set; }

        protected override void OnEnding(SessionEndReason reason) => EndingCalls++;
    }
}
