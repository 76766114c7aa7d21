using System.Buffers.Binary;
using System.Numerics;

namespace Postern.Accounts.Passwords;

/// <summary>The four chaining words of MD5 after some whole 64-byte blocks.</summary>
internal readonly record struct Md5State(uint A, uint B, uint C, uint D)
{
    /// <summary>RFC 1321 §3.3: the initial chaining values.</summary>
    public static Md5State Initial { get; } = new(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476);

    public const int Size = 16;

    public void WriteTo(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(destination, A);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], B);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], C);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], D);
    }

    public static Md5State ReadFrom(ReadOnlySpan<byte> source) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(source),
        BinaryPrimitives.ReadUInt32LittleEndian(source[4..]),
        BinaryPrimitives.ReadUInt32LittleEndian(source[8..]),
        BinaryPrimitives.ReadUInt32LittleEndian(source[12..]));
}

/// <summary>
/// MD5 (RFC 1321) exposed one block at a time, so that a hash can resume from a saved state.
/// </summary>
/// <remarks>
/// .NET's MD5 does not expose its intermediate state, and CRAM-MD5 verification without the clear
/// password needs exactly that: HMAC-MD5 resumed from the states after the key's inner and outer pad
/// blocks (RFC 2104 §4, "precomputed" keys). Not for any other use: MD5 is broken for collisions.
/// </remarks>
internal static class Md5Compression
{
    public const int BlockSize = 64;

    // RFC 1321 §3.4: T[i] = floor(2^32 · |sin(i)|), i = 1…64.
    private static readonly uint[] s_t = Enumerable.Range(1, 64).Select(i => (uint)(long)Math.Floor(4294967296.0 * Math.Abs(Math.Sin(i)))).ToArray();

    // RFC 1321 §3.4: the rotation amounts of each round.
    private static readonly int[] s_shifts = [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21];

    /// <summary>Runs the compression function over one 64-byte block.</summary>
    public static Md5State Compress(Md5State state, ReadOnlySpan<byte> block)
    {
        Span<uint> x = stackalloc uint[16];
        for (var i = 0; i < 16; i++)
            x[i] = BinaryPrimitives.ReadUInt32LittleEndian(block[(i * 4)..]);

        uint a = state.A, b = state.B, c = state.C, d = state.D;
        for (var i = 0; i < 64; i++)
        {
            uint f;
            int g;
            switch (i / 16)
            {
                case 0: f = (b & c) | (~b & d); g = i; break;
                case 1: f = (b & d) | (c & ~d); g = (5 * i + 1) % 16; break;
                case 2: f = b ^ c ^ d; g = (3 * i + 5) % 16; break;
                default: f = c ^ (b | ~d); g = 7 * i % 16; break;
            }
            var rotated = BitOperations.RotateLeft(a + f + s_t[i] + x[g], s_shifts[(i / 16 * 4) + (i % 4)]);
            (a, d, c, b) = (d, c, b, b + rotated);
        }
        return new Md5State(state.A + a, state.B + b, state.C + c, state.D + d);
    }

    /// <summary>
    /// Finishes a hash that resumed from <paramref name="state"/> after <paramref name="prefixLength"/>
    /// bytes: hashes <paramref name="message"/> and the RFC 1321 §3.1–3.2 padding and length.
    /// </summary>
    public static void Finish(Md5State state, long prefixLength, ReadOnlySpan<byte> message, Span<byte> digest)
    {
        var whole = message.Length / BlockSize * BlockSize;
        for (var offset = 0; offset < whole; offset += BlockSize)
            state = Compress(state, message.Slice(offset, BlockSize));

        Span<byte> tail = stackalloc byte[2 * BlockSize];
        tail.Clear();
        var rest = message[whole..];
        rest.CopyTo(tail);
        tail[rest.Length] = 0x80;
        var tailLength = rest.Length + 1 + 8 <= BlockSize ? BlockSize : 2 * BlockSize;
        BinaryPrimitives.WriteUInt64LittleEndian(tail[(tailLength - 8)..], (ulong)(prefixLength + message.Length) * 8);
        for (var offset = 0; offset < tailLength; offset += BlockSize)
            state = Compress(state, tail.Slice(offset, BlockSize));
        state.WriteTo(digest);
    }
}
