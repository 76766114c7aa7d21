using System.Buffers;
using System.Text;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Benchmarks.Ximss;

/// <summary>Inputs for the XIMSS benchmarks, read from the protocol tests' TestData so both measure the same bytes.</summary>
internal static class XimssBenchmarkData
{
    public const int PipelinedNoops = 1000;

    /// <summary>Samoware's first batch after login (docs/ximss.md §5.4), as its HTTP body.</summary>
    public static byte[] SamowareBatch { get; } = File.ReadAllBytes(TestDataFiles.Path("Postern.Ximss.Protocol.Tests", "Samoware", "startup-batch.xml"));

    /// <summary>The batch's <c>folderOpen</c> as one zero-terminated TCP frame.</summary>
    public static byte[] SamowareFolderOpenFrame { get; } = Encoding.UTF8.GetBytes(FolderOpenElement() + "\0");

    /// <summary><see cref="PipelinedNoops"/> <c>noop</c> frames back to back, as a pipelining client sends them.</summary>
    public static byte[] NoopStream { get; } = Encoding.UTF8.GetBytes(
        string.Concat(Enumerable.Range(0, PipelinedNoops).Select(i => $"<noop id=\"A{i:D4}\"/>\0")));

    private static string FolderOpenElement()
    {
        if (!XimssContainer.TryParse(new ReadOnlySequence<byte>(SamowareBatch), out var container, out var error))
            throw new InvalidOperationException(error.Text);
        return container.Requests.Single(r => r.Name == "folderOpen").ToString();
    }
}
