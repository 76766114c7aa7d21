using System.Net;
using System.Net.Sockets;

namespace Postern.Accounts.Security;

/// <summary>The unit per-address limits count by: an IPv4 address, or an IPv6 /64 network.</summary>
/// <remarks>
/// One IPv6 subscriber is given a whole /64 (RFC 6177 §2) and can use any address in it, so counting
/// single IPv6 addresses would let one client escape every per-address limit.
/// </remarks>
public static class AddressKey
{
    public static IPAddress Of(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return address;
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes);
    }
}
