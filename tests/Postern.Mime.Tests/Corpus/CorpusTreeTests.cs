using System.Diagnostics;
using Postern.Mime.Inspection;

namespace Postern.Mime.Tests.Corpus;

/// <summary>Pins the part tree of every corpus message in a golden <c>.tree.txt</c> file beside it.</summary>
public class CorpusTreeTests
{
    [Theory]
    [MemberData(nameof(CorpusFiles.MessageTheoryData), MemberType = typeof(CorpusFiles))]
    public void PartTreeMatchesTheGoldenFile(string file)
    {
        var message = MimeMessage.Parse(CorpusFiles.Bytes(file));

        CorpusFiles.AssertGolden(file + ".tree.txt", MimeTreeWriter.Write(message));
    }

    [Theory]
    [MemberData(nameof(CorpusFiles.MessageTheoryData), MemberType = typeof(CorpusFiles))]
    public void EveryPartDecodesWithoutException(string file)
    {
        var message = MimeMessage.Parse(CorpusFiles.Bytes(file));

        foreach (var part in message.EnumerateParts())
        {
            _ = part.DecodeContent();
            if (part.IsText)
            {
                _ = part.GetText();
            }

            _ = part.FileName;
            foreach (var field in part.Headers)
            {
                _ = field.GetText();
            }
        }
    }

    [Fact]
    public void StackOverflowSampleParsesAndDecodesItsAddressesInLinearMemory()
    {
        var bytes = CorpusFiles.Bytes("messages/stack-overflow.txt");
        Summarise(bytes);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var to = Summarise(bytes);
        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(2, to.Count);
        Assert.Equal("test@test.com", to[0].Address);
        Assert.StartsWith("date>2017-08-20T10:08:28.617</prdate>", to[1].Name);
        Assert.True(allocated <= 10L * bytes.Length, $"allocated {allocated} bytes for a {bytes.Length}-byte message");
        Assert.True(watch.ElapsedMilliseconds < 1000, $"took {watch.ElapsedMilliseconds} ms");

        static IReadOnlyList<Postern.Mime.Addresses.MailboxAddress> Summarise(byte[] bytes) =>
            MimeMessage.Parse(bytes).Headers.GetAddresses("To").Mailboxes;
    }
}
