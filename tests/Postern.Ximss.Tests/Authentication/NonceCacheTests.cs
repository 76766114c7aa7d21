using Postern.Testing;
using Postern.Ximss.Authentication;

namespace Postern.Ximss.Tests.Authentication;

public class NonceCacheTests
{
    private readonly ManualTimeProvider _clock = new();

    [Fact]
    public void ANonceLooksLikeCommuniGatesAndServesOneLogin()
    {
        var nonces = new NonceCache(10, TimeSpan.FromMinutes(5), _clock);
        var nonce = nonces.Issue();

        Assert.Matches("^[0-9A-F]{32}$", nonce);
        Assert.True(nonces.TryConsume(nonce));
        Assert.False(nonces.TryConsume(nonce));
        Assert.False(nonces.TryConsume("0123456789ABCDEF0123456789ABCDEF"));
    }

    [Fact]
    public void AnExpiredNonceIsRefused()
    {
        var nonces = new NonceCache(10, TimeSpan.FromMinutes(5), _clock);
        var nonce = nonces.Issue();

        _clock.Advance(TimeSpan.FromMinutes(5));

        Assert.False(nonces.TryConsume(nonce));
    }

    [Fact]
    public void WhenFullTheOldestNonceGivesWay()
    {
        var nonces = new NonceCache(2, TimeSpan.FromMinutes(5), _clock);
        var oldest = nonces.Issue();
        var middle = nonces.Issue();
        var newest = nonces.Issue();

        Assert.False(nonces.TryConsume(oldest));
        Assert.True(nonces.TryConsume(middle));
        Assert.True(nonces.TryConsume(newest));
    }
}
