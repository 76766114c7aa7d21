using System.Security.Cryptography;
using System.Text;
using Postern.Mime.Encodings;
using Postern.Mime.Summary;
using Postern.Testing;
using static Postern.Mime.Tests.Messages;

namespace Postern.Mime.Tests.Encodings;

/// <summary>Files uuencoded or yEnc-encoded inside text parts, decoded end to end from the corpus.</summary>
public class EmbeddedFileTests
{
    /// <summary>The photo the corpus's encoders/ files decode to (TestData/corpus/SOURCE.md).</summary>
    private const string PhotoSha256 = "4f60a9dbc20beccc740ee6717e3d2da765235f2ebf9a78654e878fbb68c53317";

    /// <summary>joystick.jpg, split over yenc/00000020.ntx and yenc/00000021.ntx (TestData/corpus/SOURCE.md).</summary>
    private const string JoystickSha256 = "3fb4dd4ffed2b8c8d33fb4fecac5df61bc339fb320e654d0796c6375fc3c05b8";

    [Fact]
    public void TheUuencodedAndBase64PhotoDecodeToTheRecordedFileInsideAMessage()
    {
        var uuencoded = TestData.Text("corpus", "encoders", "photo.uu");
        var base64 = TestData.Text("corpus", "encoders", "photo.b64");
        var message = FromText(
            "From: a@example.com\nSubject: photos\nContent-Type: multipart/mixed; boundary=b\n\n"
            + "--b\nContent-Type: text/plain\n\nHere it is twice, embedded:\n\n" + uuencoded + "\nand attached.\n"
            + "--b\nContent-Type: image/jpeg; name=photo.jpg\nContent-Transfer-Encoding: base64\n\n" + base64 + "\n--b--\n");

        var file = Assert.Single(message.FindPart("01")!.FindEmbeddedFiles());
        var attachment = message.FindPart("02")!;

        Assert.Equal(("photo.jpg", "644", EmbeddedFileEncoding.UUEncode), (file.FileName, file.Mode, file.Encoding));
        Assert.Equal(130_292, file.EstimatedSize);
        Assert.Equal(PhotoSha256, Sha256(file.Decode(out var damaged)));
        Assert.False(damaged);
        Assert.Equal(PhotoSha256, Sha256(attachment.DecodeContent().ToArray()));
        Assert.Empty(message.EnumerateParts().SelectMany(p => p.CheckContent()));
    }

    [Fact]
    public void ASingleYEncFileIsFoundDecodedAndChecked()
    {
        var part = Load("corpus/yenc/simple.msg").Body;

        var file = Assert.Single(part.FindEmbeddedFiles());
        var block = Assert.IsType<YEncBlock>(file.Block);
        var bytes = file.Decode(out var damaged);

        Assert.Equal(("testfile.txt", EmbeddedFileEncoding.YEnc, "", false), (file.FileName, file.Encoding, file.Mode, file.IsPart));
        Assert.False(damaged);
        Assert.Equal(584, bytes.Length);
        Assert.Equal(584, file.EstimatedSize);
        Assert.Equal(0xded29f4fu, block.FileCrc32);
        Assert.Equal(block.FileCrc32, Crc32.Compute(bytes));
        Assert.Empty(part.CheckContent());
    }

    [Fact]
    public void TwoYEncPartsFromTwoMessagesJoinIntoTheRecordedFile()
    {
        var parts = new[] { "00000020.ntx", "00000021.ntx" }
            .Select(name => Assert.Single(Load("corpus/yenc/" + name).Body.FindEmbeddedFiles()))
            .ToArray();
        var whole = new byte[19_338];

        foreach (var part in parts)
        {
            var block = Assert.IsType<YEncBlock>(part.Block);
            Assert.True(part.IsPart);
            Assert.Equal(19_338, block.FileSize);
            var bytes = part.Decode(out var damaged);
            Assert.False(damaged);
            Assert.Equal(block.PartEnd - block.PartBegin + 1, bytes.Length);
            bytes.CopyTo(whole, (int)block.PartBegin!.Value - 1);
        }

        Assert.Equal([1, 2], parts.Select(p => ((YEncBlock)p.Block).PartNumber!.Value));
        Assert.Equal(JoystickSha256, Sha256(whole));
    }

    [Fact]
    public void LinesThatMerelyStartLikeYBeginAreNotBlocks()
    {
        // The corpus's decoder-state fragment: "=y", "=yb", … "=ybeginx" lines before the real block.
        var text = TestData.Bytes("corpus", "yenc", "state-changes.ntx");

        var block = Assert.Single(YEncDecoder.FindBlocks(text));

        Assert.Equal("testfile.txt", block.FileName);
        Assert.False(block.Decode(text, out var damaged).Length == 0 || damaged);
    }

    [Fact]
    public void EscapedCriticalBytesAndNamesWithSpacesRoundTrip()
    {
        var original = Enumerable.Range(0, 256).Select(i => (byte)i).Concat("tail"u8.ToArray()).ToArray();
        var text = Encoding.Latin1.GetBytes($"Before.\r\n=ybegin line=128 size={original.Length} name=my file.bin \r\n"
            + Encoding.Latin1.GetString(YEncode(original)) + $"\r\n=yend size={original.Length} crc32={Crc32.Compute(original):x8}\r\nAfter.\r\n");

        var block = Assert.Single(YEncDecoder.FindBlocks(text));

        Assert.Equal("my file.bin", block.FileName);
        Assert.Equal(original, block.Decode(text, out var damaged));
        Assert.False(damaged);
        Assert.Equal("After.\r\n", Encoding.Latin1.GetString(text.AsSpan(block.End)));
    }

    [Fact]
    public void ADamagedOrUnterminatedYEncBlockIsReported()
    {
        var raw = TestData.Bytes("corpus", "yenc", "simple.msg");
        var flipped = (byte[])raw.Clone();
        var data = Encoding.Latin1.GetString(raw).IndexOf("=ybegin", StringComparison.Ordinal);
        data = Array.IndexOf(raw, (byte)'\n', data) + 10;
        flipped[data] ^= 0x01;
        var cut = raw[..Encoding.Latin1.GetString(raw).IndexOf("=yend", StringComparison.Ordinal)];

        foreach (var message in new[] { MimeMessage.Parse(flipped), MimeMessage.Parse(cut) })
        {
            var file = Assert.Single(message.Body.FindEmbeddedFiles());
            file.Decode(out var damaged);
            Assert.True(damaged);
            Assert.Equal(MimeDefectKind.DamagedYEnc, Assert.Single(message.Body.CheckContent()).Kind);
        }
    }

    [Fact]
    public void UuencodedAndYEncFilesInOneTextAreNumberedInOrder()
    {
        var yEnc = Encoding.Latin1.GetString(YEncode("second"u8.ToArray()));
        var message = MimeMessage.Parse(Encoding.Latin1.GetBytes(
            "Subject: both\n\nfirst:\nbegin 644 one.txt\n%:&5L;&\\*\n`\nend\n"
            + "second:\n=ybegin line=128 size=6 name=two.txt\n" + yEnc + "\n=yend size=6\nthird:\nbegin 600 three.txt\n%:&5L;&\\*\n`\nend\n"));

        var files = message.Body.FindEmbeddedFiles();

        Assert.Equal(
            [(1, "one.txt", EmbeddedFileEncoding.UUEncode), (2, "two.txt", EmbeddedFileEncoding.YEnc), (3, "three.txt", EmbeddedFileEncoding.UUEncode)],
            files.Select(f => (f.Number, f.FileName, f.Encoding)));
        Assert.Equal("second", Encoding.ASCII.GetString(files[1].Decode()));
        Assert.True(MessageSummary.Create(message).HasAttachments);
    }

    /// <summary>yEnc-encodes <paramref name="data"/> on one line, escaping the critical bytes (NUL, LF, CR, '=').</summary>
    private static byte[] YEncode(byte[] data)
    {
        var output = new List<byte>();
        foreach (var b in data)
        {
            var encoded = (byte)(b + 42);
            if (encoded is 0 or (byte)'\n' or (byte)'\r' or (byte)'=')
            {
                output.Add((byte)'=');
                encoded = (byte)(encoded + 64);
            }

            output.Add(encoded);
        }

        return [.. output];
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
