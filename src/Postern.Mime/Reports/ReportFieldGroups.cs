using Postern.Mime.Encodings;
using Postern.Mime.Parsing;

namespace Postern.Mime.Reports;

/// <summary>Splits a report body into groups of header-style fields separated by empty lines (RFC 3464 §2.1, RFC 8098 §3.1).</summary>
internal static class ReportFieldGroups
{
    /// <summary>How many groups are read; one per recipient, and real reports list a few hundred at most.</summary>
    private const int MaxGroups = 10_000;

    public static List<List<ReportField>> Read(ReadOnlyMemory<byte> content)
    {
        var groups = new List<List<ReportField>>();
        ReadInto(content, groups, allowBase64Recovery: true);
        return groups;
    }

    private static void ReadInto(ReadOnlyMemory<byte> content, List<List<ReportField>> groups, bool allowBase64Recovery)
    {
        var span = content.Span;
        var pos = SkipEmptyLines(span, 0);
        while (pos < span.Length && groups.Count < MaxGroups)
        {
            var defects = default(DefectList);
            var block = HeaderScanner.Scan(span, pos, span.Length, MimeLimits.Default, skipMboxMarker: false, boundaries: null, ref defects);
            if (block.Fields.Length == 0)
            {
                break;
            }

            var group = new List<ReportField>(block.Fields.Length);
            foreach (var range in block.Fields)
            {
                var field = new Headers.HeaderField(content, range);
                group.Add(new ReportField(field.Name, field.GetText()));
            }

            groups.Add(group);
            pos = SkipEmptyLines(span, block.BodyStart);
        }

        // Seen in the wild: a relay put "Content-Transfer-Encoding: base64" among the per-message fields
        // and base64-encoded the per-recipient groups after them. Decode the rest and read on.
        if (allowBase64Recovery && pos < span.Length && groups.Count > 0
            && groups[^1].Any(f => f.Name.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase)
                && f.Value.Trim().Equals("base64", StringComparison.OrdinalIgnoreCase)))
        {
            var decoded = TransferEncodings.Decode(content[pos..], ContentTransferEncoding.Base64, out _);
            ReadInto(decoded, groups, allowBase64Recovery: false);
        }
    }

    private static int SkipEmptyLines(ReadOnlySpan<byte> span, int pos)
    {
        while (pos < span.Length)
        {
            var rest = span[pos..];
            var lineEnd = rest.IndexOf((byte)'\n');
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            if (!line.TrimEnd("\r \t"u8).IsEmpty)
            {
                break;
            }

            pos += lineEnd < 0 ? rest.Length : lineEnd + 1;
        }

        return pos;
    }
}
