using System.Net;

namespace Postern.Data;

/// <summary>An IPv4 or IPv6 address with an optional port, written <c>#I[10.0.44.55]:25</c>.</summary>
public sealed class DataIPAddress : DataValue
{
    /// <summary>Creates an IP address object.</summary>
    /// <param name="address">The address.</param>
    /// <param name="port">The port (0–65535), or <see langword="null"/> when there is none.</param>
    public DataIPAddress(IPAddress address, int? port = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (port is < IPEndPoint.MinPort or > IPEndPoint.MaxPort)
            throw new ArgumentOutOfRangeException(nameof(port), port, "A port is 0 to 65535.");
        Address = address;
        Port = port;
    }

    /// <summary>The address.</summary>
    public IPAddress Address { get; }

    /// <summary>The port, when one was given.</summary>
    public int? Port { get; }

    /// <inheritdoc/>
    public override DataKind Kind => DataKind.IPAddress;

    /// <inheritdoc/>
    public override bool Equals(DataValue? other) =>
        other is DataIPAddress ip && ip.Address.Equals(Address) && ip.Port == Port;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Address, Port);
}
