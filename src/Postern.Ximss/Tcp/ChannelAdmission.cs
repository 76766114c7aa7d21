using System.Collections.Concurrent;
using System.Net;
using Postern.Accounts.Security;
using Postern.Ximss.Protocol;

namespace Postern.Ximss.Tcp;

/// <summary>
/// Counts open XIMSS channels, server-wide and per client address, and refuses new ones beyond
/// <see cref="XimssServerLimits.MaxChannels"/> and <see cref="XimssServerLimits.MaxChannelsPerAddress"/>.
/// </summary>
internal sealed class ChannelAdmission(XimssOptions options)
{
    private readonly ConcurrentDictionary<IPAddress, int> _byAddress = new();
    private int _open;

    public int Open => Volatile.Read(ref _open);

    /// <summary>Admits a channel, or returns the error to refuse it with. An admitted channel must be <see cref="Release"/>d.</summary>
    public XimssError? TryAdmit(IPAddress address)
    {
        var limits = options.Limits;
        if (Interlocked.Increment(ref _open) > limits.MaxChannels)
        {
            Interlocked.Decrement(ref _open);
            return XimssError.ServerBusy;
        }
        var key = AddressKey.Of(address);
        if (_byAddress.AddOrUpdate(key, 1, static (_, count) => count + 1) > limits.MaxChannelsPerAddress)
        {
            Release(address);
            return XimssError.TooManyConnectionsFromAddress;
        }
        return null;
    }

    public void Release(IPAddress address)
    {
        Interlocked.Decrement(ref _open);
        var key = AddressKey.Of(address);
        if (_byAddress.AddOrUpdate(key, 0, static (_, count) => count - 1) <= 0)
            _byAddress.TryRemove(new KeyValuePair<IPAddress, int>(key, 0));
    }
}
