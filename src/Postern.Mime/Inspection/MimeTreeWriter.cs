using System.Globalization;
using System.Text;
using Postern.Mime.Encodings;
using Postern.Mime.Headers;

namespace Postern.Mime.Inspection;

/// <summary>Writes a message's part tree as text for people: part IDs, types, sizes, names and defects.</summary>
/// <remarks>This is the output of <c>postern mime inspect</c>; the corpus golden files pin it.</remarks>
public static class MimeTreeWriter
{
    /// <summary>The header fields shown for each message, top-level and embedded.</summary>
    private static readonly string[] s_shownFields = ["From", "To", "Cc", "Subject", "Date", "Message-ID"];

    /// <summary>Longest header text shown; longer values are cut with an ellipsis.</summary>
    private const int MaxShownLength = 200;

    /// <summary>Writes the tree of <paramref name="message"/>, decoding every part to report content defects too.</summary>
    public static void Write(MimeMessage message, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(writer);
        WriteMessage(message, writer, 0);
    }

    /// <summary>The tree of <paramref name="message"/> as a string, lines ending in LF.</summary>
    public static string Write(MimeMessage message)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(message, writer);
        return writer.ToString();
    }

    private static void WriteMessage(MimeMessage message, TextWriter writer, int indent)
    {
        var pad = new string(' ', indent * 2);
        writer.WriteLine($"{pad}message {message.RawMessage.Length} bytes");
        foreach (var name in s_shownFields)
        {
            if (!message.Headers.TryGet(name, out var field))
            {
                continue;
            }

            var text = name switch
            {
                "From" or "To" or "Cc" => field.GetAddresses().ToString(),
                "Date" => field.GetDate() is { } date ? MailDate.Format(date) : "(unreadable) " + field.GetText(),
                _ => field.GetText(),
            };
            writer.WriteLine($"{pad}  {name}: {Printable(text)}");
        }

        WritePart(message.Body, writer, indent);
    }

    private static void WritePart(MimePart part, TextWriter writer, int indent)
    {
        var pad = new string(' ', indent * 2);
        var line = new StringBuilder(pad);
        line.Append(part.PartId.Length == 0 ? "-" : part.PartId).Append(' ').Append(part.ContentType.MimeType);
        if (part.Charset is { } charset)
        {
            line.Append(" charset=").Append(Printable(charset));
        }

        if (part.TransferEncoding is not (ContentTransferEncoding.Default or ContentTransferEncoding.SevenBit))
        {
            line.Append(" encoding=").Append(TransferEncodings.ToHeaderValue(part.TransferEncoding));
        }

        line.Append(" size=").Append(part.RawBody.Length.ToString(CultureInfo.InvariantCulture));
        if (part.ContentDisposition is { } disposition)
        {
            line.Append(" disposition=").Append(disposition.Disposition);
        }

        if (part.FileName is { } fileName)
        {
            line.Append(" name=\"").Append(Printable(fileName)).Append('"');
        }

        if (part.IsMultipart && part.ContentType.Boundary is { } boundary)
        {
            line.Append(" boundary=\"").Append(Printable(boundary)).Append('"');
        }

        if (part.IsAttachment)
        {
            line.Append(" attachment");
        }

        writer.WriteLine(line.ToString());
        foreach (var defect in part.Defects.Concat(part.CheckContent()))
        {
            writer.WriteLine($"{pad}  ! {Printable(defect.ToString())}");
        }

        foreach (var file in part.FindEmbeddedFiles())
        {
            writer.WriteLine(file.Block is YEncBlock yEnc
                ? $"{pad}  yEnc {file.Number}: \"{Printable(file.FileName)}\"{YEncPart(yEnc)} size={file.EstimatedSize}"
                : $"{pad}  uuencoded {file.Number}: \"{Printable(file.FileName)}\" mode={file.Mode} size={file.EstimatedSize}");
        }

        if (part.Message is not null)
        {
            WriteMessage(part.Message, writer, indent + 1);
        }

        foreach (var child in part.Children)
        {
            WritePart(child, writer, indent + 1);
        }
    }

    /// <summary>" part=N/T at B" for one part of a split yEnc file, else nothing.</summary>
    private static string YEncPart(YEncBlock block) => block.IsPart
        ? FormattableString.Invariant($" part={block.PartNumber}/{(block.TotalParts is { } total ? total.ToString(CultureInfo.InvariantCulture) : "?")}")
            + (block.PartBegin is { } begin ? FormattableString.Invariant($" at {begin}") : "")
        : "";

    /// <summary>The text with control characters shown as <c>\xNN</c> and cut to a readable length.</summary>
    private static string Printable(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, MaxShownLength + 3));
        foreach (var c in text)
        {
            if (sb.Length >= MaxShownLength)
            {
                sb.Append("...");
                break;
            }

            if (char.IsControl(c))
            {
                sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
