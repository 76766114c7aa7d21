using BenchmarkDotNet.Attributes;
using Postern.Mail.Access;
using Postern.Mail.Folders;
using Postern.Mail.Search;

namespace Postern.Benchmarks.Mail;

/// <summary>
/// Folder views of a 100,000-message mailbox: opening one sorted by arrival time and by subject
/// (XIMSS <c>folderOpen</c>; target ≤ 100 ms), browsing 50 rows with the fields Samoware asks for
/// (<c>folderBrowse</c>; target ≤ 5 ms), syncing when nothing changed, and searching a body word
/// (<c>folderSearch</c>; target ≤ 200 ms).
/// </summary>
[MemoryDiagnoser]
public class FolderBenchmarks
{
    private static readonly IReadOnlyList<FolderField> s_browseFields =
        FolderField.Parse(["FLAGS", "INTERNALDATE", "SIZE", "E-From", "Subject", "Date", "E-To", "Pty"]);

    private MailBench? _bench;
    private AccessibleMailbox _inbox = null!;
    private FolderView _view = null!;
    private int _page;

    [Params("INTERNALDATE", "Subject")]
    public string SortField { get; set; } = "";

    [GlobalSetup]
    public void OpenAndCheck()
    {
        _bench = MailBench.OpenLargeMailboxAsync().GetAwaiter().GetResult();
        _inbox = _bench.Access.GetAsync(_bench.Alice, "INBOX", CancellationToken.None).GetAwaiter().GetResult();
        _view = OpenSorted();
        var rows = BrowseFiftyRows();
        // Verify before measuring: the whole mailbox, in order, and rows that carry what was asked for.
        if (_view.Count != MailBench.LargeMailboxMessages || rows.Count != 50 || rows.Any(r => r.Values.Count != s_browseFields.Count || r.Values[4] is null))
            throw new InvalidOperationException($"view of {_view.Count} messages, {rows.Count} rows");
        if (SyncUnchanged().Changes.Count != 0)
            throw new InvalidOperationException("a sync of an unchanged mailbox reported changes");
        var rare = SearchRareBodyWord();
        if (rare.Count != MailBench.LargeMailboxMessages / 1000)
            throw new InvalidOperationException($"the rare word was found in {rare.Count} messages");
        Console.WriteLine($"// {_view.Count:N0} messages, check passed");
    }

    [Benchmark]
    public FolderView OpenSorted() =>
        _bench!.Folders.OpenAsync(_bench.Alice, "INBOX", new FolderViewDefinition(new FolderSortOrder(SortField, Descending: true), FolderViewFilter.None),
            createClass: null, timeZone: null, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>A different page each time, spread over the mailbox, so no page is read from a warm cache only.</summary>
    [Benchmark]
    public IReadOnlyList<FolderRow> BrowseFiftyRows()
    {
        var first = _page++ * 997 % (_view.Count - 50);
        return _view.BrowseAsync(first, first + 49, s_browseFields, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>A sync when nothing changed (a client's poll, a page refresh): the store's delta query alone.</summary>
    [Benchmark]
    public FolderSyncResult SyncUnchanged() =>
        _view.SyncAsync(s_browseFields, limit: null, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>A word in every message body: the whole index posting list, every message a match.</summary>
    [Benchmark]
    public IReadOnlyList<uint> SearchCommonBodyWord() =>
        _bench!.Search.SearchAsync(_inbox, new SearchCriteria.BodyContains("quarterly"), null, CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>A word in one message in a thousand.</summary>
    [Benchmark]
    public IReadOnlyList<uint> SearchRareBodyWord() =>
        _bench!.Search.SearchAsync(_inbox, new SearchCriteria.BodyContains(MailBench.RareWord), null, CancellationToken.None).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _bench?.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
