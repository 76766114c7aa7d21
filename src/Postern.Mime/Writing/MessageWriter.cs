using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Postern.Mime.Encodings;
using Postern.Mime.Headers;
using Postern.Mime.Text;

namespace Postern.Mime.Writing;

/// <summary>Writes a <see cref="ComposedMessage"/> as an RFC 5322 / MIME message with CRLF line breaks.</summary>
/// <remarks>
/// Text bodies go out as 7bit when they are ASCII with short lines, else quoted-printable when mostly
/// ASCII, else base64; other leaves as base64; embedded messages as 7bit or 8bit. Header text is encoded
/// with RFC 2047 where needed and folded at 78 characters; file names use RFC 2231. Fields whose names
/// are in <c>From, Sender, Reply-To, To, Cc, Bcc, Resent-*, Disposition-Notification-To,
/// Return-Receipt-To, Errors-To</c> are written as address lists.
/// </remarks>
public static class MessageWriter
{
    /// <summary>RFC 5322 §2.1.1: lines "MUST be no more than 998 characters"; longer text is quoted-printable.</summary>
    private const int MaxLineLength = 998;

    /// <summary>The message's bytes.</summary>
    public static byte[] Write(ComposedMessage message, MessageWriterOptions? options = null)
    {
        var output = new ArrayBufferWriter<byte>(4096);
        Write(message, output, options);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Writes the message to <paramref name="output"/>.</summary>
    public static void Write(ComposedMessage message, IBufferWriter<byte> output, MessageWriterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(output);
        options ??= MessageWriterOptions.Default;
        var writer = new HeaderLineWriter(output);
        HeaderFormatter.WriteDate(writer, "Date", message.Date ?? options.TimeProvider.GetLocalNow());
        WriteAddressField(writer, "From", message.From);
        if (message.Sender is not null)
        {
            HeaderFormatter.WriteAddresses(writer, "Sender", [message.Sender]);
        }

        WriteAddressField(writer, "Reply-To", message.ReplyTo);
        WriteAddressField(writer, "To", message.To);
        WriteAddressField(writer, "Cc", message.Cc);
        WriteAddressField(writer, "Bcc", message.Bcc);
        if (message.Subject is not null)
        {
            HeaderFormatter.WriteText(writer, "Subject", message.Subject);
        }

        HeaderFormatter.WriteMessageIds(writer, "Message-ID", [message.MessageId ?? NewMessageId(options.MessageIdDomain)]);
        if (message.InReplyTo.Count > 0)
        {
            HeaderFormatter.WriteMessageIds(writer, "In-Reply-To", message.InReplyTo);
        }

        if (message.References.Count > 0)
        {
            HeaderFormatter.WriteMessageIds(writer, "References", message.References);
        }

        WriteFields(writer, message.Headers);
        HeaderFormatter.WriteText(writer, "MIME-Version", "1.0");
        WriteEntity(message.Body, output, writer, options);
    }

    /// <summary>
    /// Header fields on their own, for adding to an existing message (trace and Resent- fields): encoded
    /// and folded as in <see cref="Write(ComposedMessage, MessageWriterOptions?)"/>, address fields as
    /// address lists, each line ending in CRLF.
    /// </summary>
    /// <exception cref="ArgumentException">A name is not a valid field name (RFC 5322 §3.6.8).</exception>
    public static byte[] WriteFields(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var output = new ArrayBufferWriter<byte>(256);
        WriteFields(new HeaderLineWriter(output), fields);
        return output.WrittenSpan.ToArray();
    }

    private static void WriteFields(HeaderLineWriter writer, IEnumerable<KeyValuePair<string, string>> fields)
    {
        foreach (var (name, value) in fields)
        {
            ValidateFieldName(name);
            if (HeaderFormatter.AddressFields.Contains(name))
            {
                HeaderFormatter.WriteAddresses(writer, name, Addresses.AddressList.Parse(value));
            }
            else
            {
                HeaderFormatter.WriteText(writer, name, value);
            }
        }
    }

    private static void WriteAddressField(HeaderLineWriter writer, string name, IReadOnlyList<Addresses.AddressEntry> entries)
    {
        if (entries.Count > 0)
        {
            HeaderFormatter.WriteAddresses(writer, name, entries);
        }
    }

    /// <summary>Writes a part's Content-* fields, the empty line and its body.</summary>
    private static void WriteEntity(ComposedPart part, IBufferWriter<byte> output, HeaderLineWriter writer, MessageWriterOptions options)
    {
        var typeParameters = new List<HeaderParameter>();
        byte[]? body = null;
        var encoding = ContentTransferEncoding.SevenBit;
        string? boundary = null;
        List<byte[]>? children = null;
        switch (part)
        {
            case ComposedText text:
                body = Encoding.UTF8.GetBytes(LineEndings.ToCrLf(text.Text));
                typeParameters.Add(new HeaderParameter("charset", Ascii.IsValid(body) ? "us-ascii" : "utf-8"));
                encoding = ChooseTextEncoding(body);
                break;
            case ComposedBinary binary:
                body = binary.Content.ToArray();
                encoding = ContentTransferEncoding.Base64;
                break;
            case ComposedMessagePart embedded:
                body = embedded.Message is null ? embedded.RawMessage.ToArray() : Write(embedded.Message, options);

                // RFC 2046 §5.2.1: message/rfc822 may only be 7bit, 8bit or binary.
                encoding = Ascii.IsValid(body) && MaxLine(body) <= MaxLineLength ? ContentTransferEncoding.SevenBit : ContentTransferEncoding.EightBit;
                break;
            case ComposedMultipart multipart:
                children = multipart.Parts.Select(p => WritePart(p, options)).ToList();
                boundary = NewBoundary(children);
                typeParameters.Add(new HeaderParameter("boundary", boundary));

                // RFC 2045 §6.4: a multipart's encoding tells whether any part inside holds 8-bit data.
                encoding = children.Any(c => !Ascii.IsValid(c)) ? ContentTransferEncoding.EightBit : ContentTransferEncoding.SevenBit;
                break;
        }

        if (part.FileName is not null)
        {
            typeParameters.Add(new HeaderParameter("name", part.FileName));
        }

        typeParameters.AddRange(part.TypeParameters.Where(p =>
            !typeParameters.Any(t => t.Name.Equals(p.Name, StringComparison.OrdinalIgnoreCase))));
        HeaderFormatter.WriteParameterized(writer, "Content-Type", part.MediaType + "/" + part.MediaSubtype, typeParameters);
        if (encoding != ContentTransferEncoding.SevenBit)
        {
            HeaderFormatter.WriteText(writer, "Content-Transfer-Encoding", TransferEncodings.ToHeaderValue(encoding));
        }

        if (part.Disposition is not null || part.FileName is not null)
        {
            var dispositionParameters = new List<HeaderParameter>();
            if (part.FileName is not null)
            {
                dispositionParameters.Add(new HeaderParameter("filename", part.FileName));
            }

            dispositionParameters.AddRange(part.DispositionParameters.Where(p => !p.Name.Equals("filename", StringComparison.OrdinalIgnoreCase)));
            HeaderFormatter.WriteParameterized(writer, "Content-Disposition", part.Disposition ?? "attachment", dispositionParameters);
        }

        if (part.ContentId is not null)
        {
            HeaderFormatter.WriteMessageIds(writer, "Content-ID", [part.ContentId]);
        }

        if (part.Description is not null)
        {
            HeaderFormatter.WriteText(writer, "Content-Description", part.Description);
        }

        WriteBytes(output, "\r\n"u8);
        if (children is not null)
        {
            WriteMultipartBody(output, boundary!, children);
        }
        else
        {
            WriteBody(output, body!, encoding);
        }
    }

    private static byte[] WritePart(ComposedPart part, MessageWriterOptions options)
    {
        var output = new ArrayBufferWriter<byte>(1024);
        WriteEntity(part, output, new HeaderLineWriter(output), options);
        return output.WrittenSpan.ToArray();
    }

    private static void WriteMultipartBody(IBufferWriter<byte> output, string boundary, List<byte[]> children)
    {
        // RFC 2046 §5.1.1: each part follows "--boundary" CRLF; the CRLF before a delimiter belongs to it.
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        foreach (var child in children)
        {
            WriteBytes(output, delimiter);
            WriteBytes(output, "\r\n"u8);
            WriteBytes(output, child);
            WriteBytes(output, "\r\n"u8);
        }

        WriteBytes(output, delimiter);
        WriteBytes(output, "--\r\n"u8);
    }

    private static void WriteBody(IBufferWriter<byte> output, byte[] body, ContentTransferEncoding encoding)
    {
        switch (encoding)
        {
            case ContentTransferEncoding.Base64:
                Base64LineEncoder.Encode(body, output);
                break;
            case ContentTransferEncoding.QuotedPrintable:
                QuotedPrintableEncoder.Encode(body, output);
                break;
            default:
                WriteBytes(output, body);
                break;
        }
    }

    /// <summary>7bit for ASCII text with lines under 998 and no stray CR; quoted-printable when most of it is ASCII; else base64.</summary>
    private static ContentTransferEncoding ChooseTextEncoding(byte[] text)
    {
        var nonAscii = 0;
        var hasNul = false;
        foreach (var b in text)
        {
            nonAscii += b >= 0x80 ? 1 : 0;
            hasNul |= b == 0;
        }

        // RFC 2045 §2.7: 7bit data has no NUL, no bare CR or LF, and lines of at most 998 octets.
        if (nonAscii == 0 && !hasNul && MaxLine(text) <= MaxLineLength && !HasBareCarriageReturn(text))
        {
            return ContentTransferEncoding.SevenBit;
        }

        // Quoted-printable costs two extra bytes per escaped byte; base64 a third of everything.
        return nonAscii * 6 <= text.Length ? ContentTransferEncoding.QuotedPrintable : ContentTransferEncoding.Base64;
    }

    private static bool HasBareCarriageReturn(byte[] text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == (byte)'\r' && (i + 1 == text.Length || text[i + 1] != (byte)'\n'))
            {
                return true;
            }
        }

        return false;
    }

    private static int MaxLine(byte[] data)
    {
        var max = 0;
        foreach (var range in data.AsSpan().Split((byte)'\n'))
        {
            max = Math.Max(max, range.End.GetOffset(data.Length) - range.Start.GetOffset(data.Length));
        }

        return max;
    }

    /// <summary>A boundary no part contains: random, and with "=_" which base64 and quoted-printable never produce.</summary>
    private static string NewBoundary(List<byte[]> children)
    {
        while (true)
        {
            var boundary = "=_Part_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
            if (!children.Any(c => c.AsSpan().IndexOf(delimiter) >= 0))
            {
                return boundary;
            }
        }
    }

    /// <summary>A unique Message-ID: 120 random bits, so it cannot be guessed or repeated, at the given domain.</summary>
    private static string NewMessageId(string domain) =>
        Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(15)) + "@" + domain;

    private static void ValidateFieldName(string name)
    {
        // RFC 5322 §3.6.8: field-name = 1*ftext, printable US-ASCII except colon.
        if (name.Length == 0 || name.Any(c => c is <= ' ' or > '~' or ':'))
        {
            throw new ArgumentException($"'{name}' is not a valid header field name.", nameof(name));
        }
    }

    private static void WriteBytes(IBufferWriter<byte> output, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(output.GetSpan(bytes.Length));
        output.Advance(bytes.Length);
    }
}
