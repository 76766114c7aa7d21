using System.Buffers;
using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;

namespace Postern.FileMapping;

/// <summary>
/// A read-only range of a file mapped into memory and lent out as <see cref="Memory{T}"/>, so that a large
/// message is parsed where it lies on disk instead of being copied into the managed heap.
/// </summary>
/// <remarks>
/// <para>This is the one place Postern uses pointers: the BCL has no <see cref="Memory{T}"/> over a mapped view,
/// so a <see cref="MemoryManager{T}"/> wraps the view's address. The memory is valid until <see cref="IDisposable.Dispose"/>;
/// after that, <see cref="GetSpan"/> throws, but a span taken earlier would read unmapped memory and crash the
/// process. Every owner therefore disposes the range only when nothing parsed from it is used any more. There is
/// no finalizer: it could unmap while a span (which does not keep this object alive) is still being read. A
/// range that is never disposed stays mapped until the process ends.</para>
/// <para>On Linux the mapping does not depend on the file handle or the file name (mmap(2): closing the
/// descriptor does not unmap the region; an unlinked file's pages live while they are mapped), so a range stays
/// readable when the file is closed, or deleted by compaction, meanwhile. A file truncated below the range would
/// fault on access (SIGBUS); Postern never truncates committed data.</para>
/// <para>Its own project because both Postern.Mime (message files) and Postern.Storage.Sqlite (pack files) map
/// files, and neither may reference the other.</para>
/// </remarks>
public sealed unsafe class MappedFileRange : MemoryManager<byte>
{
    /// <summary>
    /// Contents at least this long are worth mapping; shorter ones are cheaper to copy into a pooled buffer.
    /// </summary>
    /// <remarks>
    /// A chosen point, not a measured optimum: mapping costs an mmap and a munmap call and a page fault per
    /// 4 KiB page touched, reading costs one copy into an array of the content's size. Most mail is a few
    /// dozen KiB and is cheaper read; at 256 KiB the array would already sit in the large object heap
    /// (from 85,000 bytes), which is collected only with generation 2, so the heap is spared where it counts.
    /// </remarks>
    public const int WorthMappingFrom = 256 * 1024;

    private readonly MemoryMappedViewAccessor _view;
    private readonly byte* _pointer;
    private readonly int _length;
    private int _disposed;

    private MappedFileRange(MemoryMappedViewAccessor view, byte* pointer, int length)
    {
        _view = view;
        _pointer = pointer;
        _length = length;
    }

    /// <summary>Maps <paramref name="length"/> bytes of <paramref name="file"/> at <paramref name="offset"/>, read-only.</summary>
    /// <remarks>The handle is not kept: it may be closed as soon as this returns.</remarks>
    public static MappedFileRange Map(SafeFileHandle file, long offset, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);

        // The mapping object is needed only to create the view; the view keeps its pages mapped on its own.
        using var mapping = MemoryMappedFile.CreateFromFile(
            file, mapName: null, capacity: 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
        var view = mapping.CreateViewAccessor(offset, length, MemoryMappedFileAccess.Read);
        try
        {
            byte* start = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref start);

            // The view starts at a page boundary at or before the offset asked for.
            return new MappedFileRange(view, start + view.PointerOffset, length);
        }
        catch
        {
            view.Dispose();
            throw;
        }
    }

    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return new Span<byte>(_pointer, _length);
    }

    /// <summary>Mapped memory never moves, so pinning only hands out its address.</summary>
    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ArgumentOutOfRangeException.ThrowIfNegative(elementIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(elementIndex, _length);
        return new MemoryHandle(_pointer + elementIndex);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _view.SafeMemoryMappedViewHandle.ReleasePointer();
        _view.Dispose();
    }
}
