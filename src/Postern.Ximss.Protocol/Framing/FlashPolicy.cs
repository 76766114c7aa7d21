using System.Buffers;

namespace Postern.Ximss.Protocol.Framing;

/// <summary>The Flash socket-policy exchange that XIMSS listeners answer (CGP Guide, XIMSS.html, "Flash Security").</summary>
public static class FlashPolicy
{
    // Flash sends exactly these bytes followed by a zero byte (Adobe, "Setting up a socket policy file server").
    private static ReadOnlySpan<byte> RequestBytes => "<policy-file-request/>"u8;

    // Longest request form still recognised: the element plus trailing whitespace some proxies add.
    private const int MaxRequestLength = 64;

    /// <summary>
    /// The allow-all policy, zero-terminated: any domain may connect to any port. CGP answers the
    /// same document (docs/ximss.md §1); Adobe requires the zero byte after it.
    /// </summary>
    public static ReadOnlySpan<byte> Response =>
        "<?xml version=\"1.0\"?><cross-domain-policy><allow-access-from domain=\"*\" to-ports=\"*\"/></cross-domain-policy>\0"u8;

    /// <summary>True when a frame payload is a policy-file request (trailing whitespace tolerated).</summary>
    public static bool IsRequest(in ReadOnlySequence<byte> payload)
    {
        if (payload.Length < RequestBytes.Length || payload.Length > MaxRequestLength)
            return false;

        Span<byte> copy = stackalloc byte[MaxRequestLength];
        copy = copy[..(int)payload.Length];
        payload.CopyTo(copy);
        return copy.TrimEnd(" \t\r\n"u8).SequenceEqual(RequestBytes);
    }
}
