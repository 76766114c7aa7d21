using System.Text;
using Postern.Mime.Addresses;
using Postern.Mime.Encodings;
using Postern.Mime.Writing;

namespace Postern.Mime.Tests.Writing;

public class MessageWriterTests
{
    private static readonly MessageWriterOptions s_options = new()
    {
        MessageIdDomain = "test.example",
        TimeProvider = new FixedTime(new DateTimeOffset(2024, 5, 6, 7, 8, 9, TimeSpan.FromHours(2))),
    };

    private static (string Text, MimeMessage Parsed) Write(ComposedMessage message)
    {
        var bytes = MessageWriter.Write(message, s_options);
        return (Encoding.UTF8.GetString(bytes), MimeMessage.Parse(bytes));
    }

    [Fact]
    public void FieldsAloneAreWrittenEncodedAndFoldedWithNothingAdded()
    {
        var recipients = string.Join(", ", Enumerable.Range(1, 12).Select(i => $"recipient{i}@example.com"));

        var bytes = MessageWriter.WriteFields([new("Resent-From", "Zoë <zoe@example.com>"), new("Resent-To", recipients), new("Received", "by mx; today")]);

        var text = Encoding.ASCII.GetString(bytes);
        Assert.StartsWith("Resent-From: =?utf-8?", text);
        Assert.EndsWith("Received: by mx; today\r\n", text);
        Assert.All(text.Split("\r\n"), line => Assert.True(line.Length <= 78, line));
        var headers = Mime.Headers.HeaderList.Parse(bytes);
        Assert.Equal(["Resent-From", "Resent-To", "Received"], headers.Select(h => h.Name));
        Assert.Equal("Zoë", Assert.Single(headers.GetAddresses("Resent-From").Mailboxes).Name);
        Assert.Equal(12, headers.GetAddresses("Resent-To").Mailboxes.Count);
        Assert.Throws<ArgumentException>(() => MessageWriter.WriteFields([new("Bad Name", "x")]));
    }

    [Fact]
    public void DateMessageIdAndMimeVersionAreFilledIn()
    {
        var (text, parsed) = Write(new ComposedMessage());

        Assert.StartsWith("Date: Mon, 6 May 2024 07:08:09 +0200\r\n", text);
        Assert.EndsWith("@test.example", parsed.MessageId);
        Assert.Equal("1.0", parsed.Headers.GetText("MIME-Version"));
    }

    [Fact]
    public void LongHeaderTextIsFoldedAt78Characters()
    {
        var subject = string.Join(' ', Enumerable.Repeat("word", 60));
        var (text, parsed) = Write(new ComposedMessage { Subject = subject });

        Assert.Equal(subject, parsed.Subject);
        Assert.All(HeaderLines(text), line => Assert.True(line.Length <= 78, line));
    }

    [Fact]
    public void NonAsciiHeaderTextBecomesShortEncodedWordsAndPlainWordsStayReadable()
    {
        var subject = "Re: " + string.Concat(Enumerable.Repeat("Привет мир ", 12)) + "(done)";
        var (text, parsed) = Write(new ComposedMessage { Subject = subject });

        Assert.Equal(subject, parsed.Subject);
        Assert.Contains("Subject: Re:", text);
        Assert.Contains("\r\n =?utf-8?B?", text);
        Assert.Contains(" (done)\r\n", text);
        foreach (var word in text.Split(' ', '\r', '\n').Where(w => w.StartsWith("=?", StringComparison.Ordinal)))
        {
            Assert.True(word.Length <= 75, word);
        }
    }

    [Fact]
    public void LongAsciiTokensStayReadableAndOverlongOnesAreEncoded()
    {
        var url = "<https://lists.example.com/unsubscribe/" + new string('x', 200) + ">";
        var message = new ComposedMessage();
        message.Headers.Add(new("List-Unsubscribe", url));
        message.Headers.Add(new("X-Huge", new string('y', 2000)));

        var (text, parsed) = Write(message);

        Assert.Contains("List-Unsubscribe: " + url + "\r\n", text);
        Assert.Equal(new string('y', 2000), parsed.Headers.GetText("X-Huge"));
        Assert.All(text.Split("\r\n"), line => Assert.True(line.Length <= 998));
    }

    [Fact]
    public void LineBreaksInHeaderValuesCannotInjectFields()
    {
        var (_, parsed) = Write(new ComposedMessage { Subject = "hello\r\nBcc: victim@example.com" });

        Assert.False(parsed.Headers.Contains("Bcc"));
        Assert.Equal("hello  Bcc: victim@example.com", parsed.Subject);
    }

    [Fact]
    public void TextLooksLikeAnEncodedWordIsEncodedSoItReadsBackAsWritten()
    {
        var (_, parsed) = Write(new ComposedMessage { Subject = "literal =?utf-8?Q?x?= text" });

        Assert.Equal("literal =?utf-8?Q?x?= text", parsed.Subject);
    }

    [Fact]
    public void AddressesAreQuotedEncodedAndIdnDomainsConverted()
    {
        var message = new ComposedMessage();
        message.From.Add(new MailboxAddress("Petrov, Ivan", "ivan@example.com"));
        message.To.Add(new MailboxAddress("Иван", "ivan@пример.рф"));
        message.To.Add(new GroupAddress("undisclosed-recipients", []));
        message.Headers.Add(new("Disposition-Notification-To", "Ivan <ivan@example.com>"));

        var (text, parsed) = Write(message);

        Assert.Contains("From: \"Petrov, Ivan\" <ivan@example.com>\r\n", text);
        Assert.Contains("<ivan@xn--e1afmkfd.xn--p1ai>", text);
        Assert.Equal("Иван", parsed.To.Mailboxes[0].Name);
        Assert.Equal("undisclosed-recipients", Assert.IsType<GroupAddress>(parsed.To[1]).Name);
        Assert.Equal("ivan@example.com", parsed.Headers.GetAddresses("Disposition-Notification-To").Mailboxes[0].Address);
    }

    [Theory]
    [InlineData("plain ascii text\nsecond line\n", ContentTransferEncoding.Default)]
    [InlineData("mostly ascii with one é in it, which is fine for quoted-printable", ContentTransferEncoding.QuotedPrintable)]
    [InlineData("Почти всё здесь не ASCII", ContentTransferEncoding.Base64)]
    public void TextBodyEncodingIsChosenByContent(string body, ContentTransferEncoding expected)
    {
        var (_, parsed) = Write(new ComposedMessage { Body = new ComposedText(body) });

        Assert.Equal(expected, parsed.Body.TransferEncoding);
        Assert.Equal(body.Replace("\n", "\r\n", StringComparison.Ordinal), parsed.Body.GetText());
    }

    [Fact]
    public void VeryLongLinesAreQuotedPrintableWithShortEncodedLines()
    {
        var body = new string('x', 3000);
        var (text, parsed) = Write(new ComposedMessage { Body = new ComposedText(body) });

        Assert.Equal(ContentTransferEncoding.QuotedPrintable, parsed.Body.TransferEncoding);
        Assert.Equal(body, parsed.Body.GetText());
        Assert.All(text.Split("\r\n"), line => Assert.True(line.Length <= 78));
    }

    [Fact]
    public void LongNonAsciiFileNamesUseRfc2231Continuations()
    {
        var name = "Отчёт за первый квартал — итоговая версия (согласовано).pdf";
        var attachment = BodyBuilder.Attachment(name, new byte[] { 1, 2, 3 }, "application", "pdf");
        var (text, parsed) = Write(new ComposedMessage { Body = BodyBuilder.Build("see attached", attachments: [attachment]) });

        Assert.Contains("filename*0*=utf-8''", text);
        var part = parsed.FindPart("02")!;
        Assert.Equal(name, part.FileName);
        Assert.Equal([1, 2, 3], part.DecodeContent().ToArray());
        Assert.True(part.IsAttachment);
    }

    [Fact]
    public void BodyBuilderMakesAlternativeRelatedAndMixed()
    {
        var image = new ComposedBinary(new byte[] { 9 }, "image", "png") { ContentId = "logo@x" };
        var body = BodyBuilder.Build("plain", "<img src=\"cid:logo@x\">", inline: [image],
            attachments: [BodyBuilder.Attachment("a.txt", "a"u8.ToArray())]);

        var (_, parsed) = Write(new ComposedMessage { Body = body });

        Assert.Equal(
            ["multipart/mixed", "multipart/alternative", "text/plain", "multipart/related", "text/html", "image/png", "application/octet-stream"],
            parsed.EnumerateParts().Select(p => p.ContentType.MimeType));
        Assert.Equal("logo@x", parsed.FindPart("01-02-02")!.ContentId);
        Assert.False(parsed.FindPart("01-02-02")!.IsAttachment);
    }

    [Fact]
    public void EmbeddedMessagesAreWrittenAsMessageRfc822()
    {
        var inner = new ComposedMessage { Subject = "inner", Body = new ComposedText("inner body") };
        var (_, parsed) = Write(new ComposedMessage { Body = new ComposedMultipart("mixed", new ComposedText("outer"), new ComposedMessagePart(inner)) });

        var embedded = parsed.FindPart("02")!.Message!;
        Assert.Equal("inner", embedded.Subject);
        Assert.Equal("inner body", embedded.Body.GetText());
    }

    [Fact]
    public void InvalidFieldNamesAreRefused()
    {
        var message = new ComposedMessage();
        message.Headers.Add(new("Bad Name", "x"));

        Assert.Throws<ArgumentException>(() => MessageWriter.Write(message));
    }

    private static IEnumerable<string> HeaderLines(string message) =>
        message[..message.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.CreateCustomTimeZone("fixed", now.Offset, "fixed", "fixed");
    }
}
