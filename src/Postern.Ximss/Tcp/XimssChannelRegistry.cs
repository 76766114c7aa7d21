using System.Collections.Concurrent;
using Postern.Ximss.Engine;

namespace Postern.Ximss.Tcp;

/// <summary>The open TCP channels, logged in or not, numbered for listener records and the access monitor.</summary>
public sealed class XimssChannelRegistry
{
    private readonly ConcurrentDictionary<int, XimssChannel> _channels = new();
    private int _lastNumber;

    internal int NextNumber() => Interlocked.Increment(ref _lastNumber);

    internal void Add(XimssChannel channel) => _channels[channel.Number] = channel;

    internal void Remove(XimssChannel channel) => _channels.TryRemove(channel.Number, out _);

    /// <summary>The open channels in the order they connected.</summary>
    public IReadOnlyList<XimssChannel> Snapshot() => [.. _channels.Values.OrderBy(c => c.Number)];
}
