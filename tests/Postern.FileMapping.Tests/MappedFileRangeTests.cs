using Postern.FileMapping;
using Postern.Testing;

namespace Postern.FileMapping.Tests;

public class MappedFileRangeTests
{
    /// <summary>Bytes whose value depends on their position, so a range read from the wrong offset shows.</summary>
    private static byte[] NumberedBytes(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)(i * 7 % 251))];

    [Fact]
    public void ARangeStartingInsideAPageLendsExactlyItsBytes()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("data.bin");
        var bytes = NumberedBytes(3 * 4096 + 123);
        File.WriteAllBytes(path, bytes);

        using var file = File.OpenHandle(path);
        using var range = MappedFileRange.Map(file, offset: 5000, length: 6000);

        Assert.Equal(bytes.AsSpan(5000, 6000).ToArray(), range.Memory.Span.ToArray());
    }

    [Fact]
    public void TheRangeStaysReadableAfterItsFileIsClosedAndDeleted()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("data.bin");
        var bytes = NumberedBytes(10_000);
        File.WriteAllBytes(path, bytes);

        MappedFileRange range;
        using (var file = File.OpenHandle(path))
            range = MappedFileRange.Map(file, 0, bytes.Length);
        File.Delete(path);

        using (range)
            Assert.Equal(bytes, range.Memory.ToArray());
    }

    [Fact]
    public void MemoryTakenFromADisposedRangeThrowsInsteadOfReadingUnmappedPages()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("data.bin");
        File.WriteAllBytes(path, NumberedBytes(8192));
        using var file = File.OpenHandle(path);
        var range = MappedFileRange.Map(file, 100, 1000);
        var slice = range.Memory[10..20];

        ((IDisposable)range).Dispose();
        ((IDisposable)range).Dispose();

        Assert.Throws<ObjectDisposedException>(() => slice.Span.Length);
        Assert.Throws<ObjectDisposedException>(() => range.Pin());
    }

    [Fact]
    public void AnEmptyOrNegativeRangeIsRefused()
    {
        using var directory = new TemporaryDirectory();
        var path = directory.File("data.bin");
        File.WriteAllBytes(path, NumberedBytes(100));
        using var file = File.OpenHandle(path);

        Assert.Throws<ArgumentOutOfRangeException>(() => MappedFileRange.Map(file, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MappedFileRange.Map(file, -1, 10));
    }
}
