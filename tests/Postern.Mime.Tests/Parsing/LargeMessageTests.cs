using System.Runtime.InteropServices;
using Postern.Mime.Summary;
using Postern.Testing;

namespace Postern.Mime.Tests.Parsing;

/// <summary>Large files are mapped and parsed where they lie, not copied into the managed heap.</summary>
public class LargeMessageTests
{
    private const long Size = 200L * 1024 * 1024;

    /// <summary>Far below the message's size: the part tree, header values and the summary, nothing proportional to the bytes.</summary>
    private const long AllocationBudget = 1024 * 1024;

    [Fact]
    public async Task A200MegabyteFileIsMappedAndParsedWithoutCopyingItIntoTheHeap()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("large.eml");
        LargeMessage.WriteTo(path, Size);

        MimeMessage message;
        MessageSummary summary;
        long allocated;
        await using (var stream = File.OpenRead(path))
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var loading = MimeMessage.LoadAsync(stream, null, CancellationToken.None);
            Assert.True(loading.IsCompletedSuccessfully, "mapping reads nothing, so loading completes at once, on this thread");
            message = await loading;
            summary = MessageSummary.Create(message);
            _ = message.EnumerateParts().Sum(p => p.EstimateDecodedSize());
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(stream.Length, stream.Position);
        }

        using (message)
        {
            Assert.InRange(allocated, 0, AllocationBudget);
            Assert.False(MemoryMarshal.TryGetArray(message.Source, out _), "the bytes are not in a managed array");
            Assert.Equal(new FileInfo(path).Length, message.RawMessage.Length);
            Assert.Equal(("A large attachment", true, "The file is attached."), (summary.Subject, summary.HasAttachments, summary.Preview));
            var attachment = message.FindPart("02")!;
            Assert.Equal("large.bin", attachment.FileName);

            var decoded = new CheckingStream();
            await attachment.CopyDecodedContentToAsync(decoded, CancellationToken.None);
            Assert.Equal(LargeMessage.DecodedSize(Size), decoded.Length);
        }

        Assert.Throws<ObjectDisposedException>(() => message.Source.Span.Length);
    }

    [Fact]
    public async Task ASmallFileIsReadIntoMemory()
    {
        await using var stream = File.OpenRead(TestData.Path("parser", "nested.eml"));

        using var message = await MimeMessage.LoadAsync(stream, null, CancellationToken.None);

        Assert.True(MemoryMarshal.TryGetArray(message.Source, out _));
        Assert.Equal("nested", message.Subject);
    }

    [Fact]
    public async Task AMappedFileLargerThanTheLimitIsRefused()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("large.eml");
        LargeMessage.WriteTo(path, 1024 * 1024);
        await using var stream = File.OpenRead(path);

        await Assert.ThrowsAsync<InvalidDataException>(
            () => MimeMessage.LoadAsync(stream, new MimeLimits { MaxMessageSize = 512 * 1024 }, CancellationToken.None));
    }

    /// <summary>Counts what is written and checks that it repeats the generated attachment's line.</summary>
    private sealed class CheckingStream : Stream
    {
        private static readonly byte[] s_pattern = [.. Enumerable.Repeat(LargeMessage.DecodedLine.ToArray(), 2048).SelectMany(line => line)];

        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            var lineLength = LargeMessage.DecodedLine.Length;
            while (!buffer.IsEmpty)
            {
                var phase = (int)(_length % lineLength);
                var count = Math.Min(buffer.Length, s_pattern.Length - lineLength);
                Assert.True(buffer[..count].SequenceEqual(s_pattern.AsSpan(phase, count)), $"decoded bytes differ near {_length}");
                buffer = buffer[count..];
                _length += count;
            }
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
