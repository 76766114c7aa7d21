using System.Collections;
using System.Text;
using Postern.Mime.Encodings;
using Postern.Mime.Parsing;
using Postern.Mime.Text;

namespace Postern.Mime.Headers;

/// <summary>The parameters of a Content-Type or Content-Disposition, decoded (RFC 2045 §5.1, RFC 2231).</summary>
public sealed class ParameterList : IReadOnlyList<HeaderParameter>
{
    /// <summary>How many parameters are kept; real headers carry fewer than ten.</summary>
    private const int MaxParameters = 256;

    /// <summary>The highest RFC 2231 section number accepted; real file names need a handful.</summary>
    private const int MaxSection = 999;

    private readonly HeaderParameter[] _items;

    private ParameterList(HeaderParameter[] items) => _items = items;

    /// <summary>No parameters.</summary>
    public static ParameterList Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public HeaderParameter this[int index] => _items[index];

    /// <summary>The value of the first parameter called <paramref name="name"/> (any case), or null.</summary>
    public string? this[string name]
    {
        get
        {
            foreach (var p in _items)
            {
                if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    return p.Value;
                }
            }

            return null;
        }
    }

    /// <inheritdoc/>
    public IEnumerator<HeaderParameter> GetEnumerator() => ((IEnumerable<HeaderParameter>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    internal static ParameterList Read(ref ParameterReader reader)
    {
        List<HeaderParameter>? plain = null;
        List<Section>? sections = null;
        var count = 0;
        while (count < MaxParameters && reader.TryReadParameter(out var name, out var value, out var quoted))
        {
            count++;
            var star = name.IndexOf((byte)'*');
            if (star > 0 && TryReadSectionMarker(name[(star + 1)..], out var number, out var extended))
            {
                (sections ??= []).Add(new Section(Encoding.ASCII.GetString(name[..star]), number, extended, Unquote(value, quoted)));
                continue;
            }

            // RFC 2045 §5.1 allows each parameter once; a repeat is ignored (the first one wins).
            var plainName = Encoding.ASCII.GetString(name);
            if (plain is null || !plain.Exists(p => p.Name.Equals(plainName, StringComparison.OrdinalIgnoreCase)))
            {
                (plain ??= []).Add(new HeaderParameter(plainName, DecodePlainValue(value, quoted)));
            }
        }

        if (sections is not null)
        {
            MergeSections(sections, plain ??= []);
        }

        return plain is null ? Empty : new ParameterList([.. plain]);
    }

    /// <summary>RFC 2231 §3, §4: "*" (extended), "*N" (section N) or "*N*" (extended section N).</summary>
    private static bool TryReadSectionMarker(ReadOnlySpan<byte> marker, out int section, out bool extended)
    {
        section = -1;
        extended = false;
        if (marker.IsEmpty)
        {
            extended = true;
            return true;
        }

        if (marker[^1] == (byte)'*')
        {
            extended = true;
            marker = marker[..^1];
        }

        if (marker.IsEmpty || marker.Length > 3)
        {
            return false;
        }

        section = 0;
        foreach (var b in marker)
        {
            if (!char.IsAsciiDigit((char)b))
            {
                return false;
            }

            section = (section * 10) + (b - '0');
        }

        return section <= MaxSection;
    }

    private static void MergeSections(List<Section> sections, List<HeaderParameter> parameters)
    {
        foreach (var group in sections.GroupBy(s => s.Name, StringComparer.OrdinalIgnoreCase))
        {
            var ordered = group.OrderBy(s => s.Number).DistinctBy(s => s.Number).ToList();
            var bytes = new ByteBuffer(256);
            try
            {
                string? charset = null;
                for (var i = 0; i < ordered.Count; i++)
                {
                    var value = ordered[i].Value.AsSpan();
                    if (!ordered[i].Extended)
                    {
                        bytes.Append(value);
                        continue;
                    }

                    // RFC 2231 §4: only the first section carries "charset'language'".
                    if (i == 0)
                    {
                        var q1 = value.IndexOf((byte)'\'');
                        var q2 = q1 < 0 ? -1 : value[(q1 + 1)..].IndexOf((byte)'\'');
                        if (q2 >= 0)
                        {
                            charset = Encoding.ASCII.GetString(value[..q1]);
                            value = value[(q1 + q2 + 2)..];
                        }
                    }

                    PercentDecode(value, ref bytes);
                }

                var decoded = Charsets.Decode(bytes.WrittenSpan, charset);

                // An RFC 2231 value wins over a plain one of the same name (the plain one is for old readers).
                parameters.RemoveAll(p => string.Equals(p.Name, group.Key, StringComparison.OrdinalIgnoreCase));
                parameters.Add(new HeaderParameter(group.Key, decoded));
            }
            finally
            {
                bytes.Dispose();
            }
        }
    }

    private static void PercentDecode(ReadOnlySpan<byte> value, ref ByteBuffer output)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == (byte)'%' && i + 2 < value.Length
                && Uri.IsHexDigit((char)value[i + 1]) && Uri.IsHexDigit((char)value[i + 2]))
            {
                output.Append((byte)((Uri.FromHex((char)value[i + 1]) << 4) | Uri.FromHex((char)value[i + 2])));
                i += 2;
            }
            else
            {
                output.Append(value[i]);
            }
        }
    }

    private static string DecodePlainValue(ReadOnlySpan<byte> value, bool quoted)
    {
        var bytes = quoted && value.IndexOf((byte)'\\') >= 0 ? Unquote(value, quoted) : value.ToArray();

        // RFC 2047 §5 forbids encoded-words in parameters, but mailers put them in file names anyway.
        return bytes.AsSpan().IndexOf("=?"u8) >= 0 ? Rfc2047Decoder.DecodeText(bytes) : Charsets.DecodeLenient(bytes);
    }

    private static byte[] Unquote(ReadOnlySpan<byte> value, bool quoted)
    {
        if (!quoted || value.IndexOf((byte)'\\') < 0)
        {
            return value.ToArray();
        }

        var result = new byte[value.Length];
        var n = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == (byte)'\\' && i + 1 < value.Length)
            {
                i++;
            }

            result[n++] = value[i];
        }

        return result[..n];
    }

    private sealed record Section(string Name, int Number, bool Extended, byte[] Value);
}
