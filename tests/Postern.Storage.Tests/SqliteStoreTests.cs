using System.Runtime.InteropServices;
using Postern.Storage;
using Postern.Storage.Sqlite;
using Postern.Testing;

namespace Postern.Storage.Tests;

/// <summary>The store contract on the embedded SQLite backend, plus what only that backend has: files.</summary>
public sealed class SqliteStoreTests : StoreContractTests
{
    private readonly TemporaryDirectory _directory = new();

    protected override async Task<IStore> OpenEmptyStoreAsync() => await OpenAsync();

    private Task<SqliteStore> OpenAsync(long maxPackFileBytes = 1L << 30) =>
        SqliteStore.OpenAsync(new SqliteStoreOptions { DataDirectory = _directory.Path, MaxPackFileBytes = maxPackFileBytes }, null, Ct);

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task DataSurvivesReopening()
    {
        var mailbox = await CreateMailboxAsync();
        var message = TestMessages.Create("durable");
        await Store.Messages.AppendAsync(mailbox.Id, [message], Ct);
        await Store.DisposeAsync();

        await using var reopened = await OpenAsync();

        await using var content = await reopened.Messages.OpenContentAsync(mailbox.Id, 1, Ct);
        Assert.Equal(message.Content.ToArray(), await TestMessages.ReadAllAsync(content!));
        Assert.Equal(1, (await reopened.Mailboxes.GetAsync(mailbox.Id, Ct))!.MessageCount);
    }

    [Fact]
    public async Task BytesPastTheCommittedLengthAreCutOffWhenAPackIsClaimedAgain()
    {
        var mailbox = await CreateMailboxAsync();
        var first = TestMessages.Create("first");
        await Store.Messages.AppendAsync(mailbox.Id, [first], Ct);
        await Store.DisposeAsync();
        var pack = Directory.GetFiles(_directory.File("blobs"), "*.pack").Single();
        // What a crash between writing a batch's bytes and committing its rows leaves behind.
        await File.AppendAllTextAsync(pack, "half a message that was never committed", Ct);

        await using var reopened = await OpenAsync();
        var second = TestMessages.Create("second");
        await reopened.Messages.AppendAsync(mailbox.Id, [second], Ct);

        Assert.Equal(first.Content.Length + second.Content.Length, new FileInfo(pack).Length);
        await using var content = await reopened.Messages.OpenContentAsync(mailbox.Id, 2, Ct);
        Assert.Equal(second.Content.ToArray(), await TestMessages.ReadAllAsync(content!));
    }

    [Fact]
    public async Task TwoStoresOnOneDirectoryAppendToDifferentPacksAndSeeEachOther()
    {
        var mailbox = await CreateMailboxAsync();
        await using var other = await OpenAsync();
        var latest = await Store.Changes.GetLatestSequenceAsync(Ct);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var waiting = Store.Changes.WaitAsync(latest, timeout.Token);

        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("from one")], Ct);
        await other.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("from the other")], Ct);
        await waiting;

        Assert.Equal(2, Directory.GetFiles(_directory.File("blobs"), "*.pack").Length);
        var listed = await other.Messages.GetAsync(mailbox.Id, [1, 2], Ct);
        Assert.Equal(["from one", "from the other"], listed.Select(m => m.Summary.SubjectSortKey));
        await using var content = await Store.Messages.OpenContentAsync(mailbox.Id, 2, Ct);
        Assert.True((await TestMessages.ReadAllAsync(content!)).AsSpan().IndexOf("from the other"u8) >= 0);
    }

    [Fact]
    public async Task AChangeByAnotherStoreWakesAWaiter()
    {
        var mailbox = await CreateMailboxAsync();
        await using var other = await OpenAsync();
        var latest = await Store.Changes.GetLatestSequenceAsync(Ct);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var waiting = Store.Changes.WaitAsync(latest, timeout.Token);

        await other.Messages.UpdateFlagsAsync(mailbox.Id, [], FlagUpdate.Adding(MessageFlags.Seen), Ct);
        await other.Mailboxes.CreateAsync(mailbox.AccountId, "Elsewhere", "", Ct);

        await waiting;
    }

    [Fact]
    public async Task AFullPackIsSealedAndTheNextAppendStartsANewOne()
    {
        await Store.DisposeAsync();
        await using var store = await OpenAsync(maxPackFileBytes: 1000);
        var domain = await store.Domains.CreateAsync("example.com", Ct);
        var account = await store.Accounts.CreateAsync(new NewAccount(domain.Id, "a", "", new AccountCredentials("h", null), "{}"), Ct);
        var mailbox = await store.Mailboxes.CreateAsync(account.Id, "INBOX", "", Ct);
        var messages = Enumerable.Range(0, 3).Select(i => TestMessages.Create($"m{i}", bodyLines: 100)).ToArray();

        foreach (var message in messages)
            await store.Messages.AppendAsync(mailbox.Id, [message], Ct);

        Assert.Equal(3, Directory.GetFiles(_directory.File("blobs"), "*.pack").Length);
        for (uint uid = 1; uid <= 3; uid++)
        {
            await using var content = await store.Messages.OpenContentAsync(mailbox.Id, uid, Ct);
            Assert.Equal(messages[uid - 1].Content.ToArray(), await TestMessages.ReadAllAsync(content!));
        }
    }

    [Fact]
    public async Task CompactionShrinksTheBlobFiles()
    {
        var mailbox = await CreateMailboxAsync();
        await Store.Messages.AppendAsync(mailbox.Id, Enumerable.Range(0, 10).Select(i => TestMessages.Create($"m{i}", bodyLines: 100)).ToArray(), Ct);
        var before = BlobBytes();
        await Store.Messages.ExpungeAsync(mailbox.Id, Enumerable.Range(1, 8).Select(i => (uint)i).ToArray(), Ct);

        var result = await Store.Maintenance.CompactAsync(0.5, Ct);

        Assert.Equal(1, result.FilesRewritten);
        Assert.Equal(before, result.BytesReclaimed);
        Assert.Equal(before - result.BytesReclaimed + result.BytesCopied, BlobBytes());
        Assert.True(BlobBytes() < before / 4);
    }

    [Fact]
    public async Task ALargeMessageIsLentMappedFromItsPackAndUnmappedWhenTheLeaseEnds()
    {
        var mailbox = await CreateMailboxAsync();
        var message = TestMessages.Create("large", bodyLines: LargeMessageLines);
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("small"), message], Ct);

        var lease = await Store.Messages.LeaseContentAsync(mailbox.Id, 2, Ct);
        var body = lease.Content[100..];
        Assert.False(MemoryMarshal.TryGetArray(lease.Content, out _), "the bytes are not copied into a managed array");
        Assert.Equal(message.Content[100..].ToArray(), body.ToArray());

        lease.Dispose();

        Assert.Throws<ObjectDisposedException>(() => body.Span.Length);
    }

    [Fact]
    public async Task ASmallMessageIsLentAsAnArrayOfItsOwn()
    {
        var mailbox = await CreateMailboxAsync();
        var message = TestMessages.Create("small");
        await Store.Messages.AppendAsync(mailbox.Id, [message], Ct);

        using var lease = await Store.Messages.LeaseContentAsync(mailbox.Id, 1, Ct);

        Assert.True(MemoryMarshal.TryGetArray(lease.Content, out var array));
        Assert.Equal(message.Content.Length, array.Array!.Length);
    }

    [Fact]
    public async Task AMappedLeaseStaysReadableWhenCompactionDeletesItsPack()
    {
        await Store.DisposeAsync();
        await using var store = await OpenAsync(maxPackFileBytes: 1000);
        var domain = await store.Domains.CreateAsync("example.com", Ct);
        var account = await store.Accounts.CreateAsync(new NewAccount(domain.Id, "a", "", new AccountCredentials("h", null), "{}"), Ct);
        var mailbox = await store.Mailboxes.CreateAsync(account.Id, "INBOX", "", Ct);
        var message = TestMessages.Create("large", bodyLines: LargeMessageLines);
        await store.Messages.AppendAsync(mailbox.Id, [message], Ct);
        await store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("next pack")], Ct);
        var packs = Directory.GetFiles(_directory.File("blobs"), "*.pack");
        using var lease = await store.Messages.LeaseContentAsync(mailbox.Id, 1, Ct);

        await store.Messages.ExpungeAsync(mailbox.Id, [1], Ct);
        var result = await store.Maintenance.CompactAsync(0.5, Ct);

        Assert.True(result.BytesReclaimed >= message.Content.Length);
        Assert.Contains(packs, pack => !File.Exists(pack));
        Assert.Equal(message.Content.ToArray(), lease.Content.ToArray());
    }

    private long BlobBytes() => Directory.GetFiles(_directory.File("blobs"), "*.pack").Sum(f => new FileInfo(f).Length);

    [Theory]
    [InlineData(MessageSortField.Uid)]
    [InlineData(MessageSortField.InternalDate)]
    [InlineData(MessageSortField.SentDate)]
    [InlineData(MessageSortField.Size)]
    [InlineData(MessageSortField.Subject)]
    [InlineData(MessageSortField.From)]
    [InlineData(MessageSortField.To)]
    [InlineData(MessageSortField.Priority)]
    public async Task SortedListingsReadOnlyACoveringIndexWithoutASortStep(MessageSortField field)
    {
        await CreateMailboxAsync();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_directory.File("postern.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + SqliteMessageRepository.ListSql(field, descending: true, MessageFlagFilter.All);
        explain.Parameters.AddWithValue("$mailbox", 1);

        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
                plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IndexedWordsGoWithTheLastCopyOfAMessage()
    {
        var mailbox = await CreateMailboxAsync();
        var archive = await CreateMailboxAsync("Archive");
        var (_, bob) = await CreateAccountAsync("bob");
        var bobs = await Store.Mailboxes.CreateAsync(bob.Id, "INBOX", "", Ct);
        await Store.Messages.AppendAsync(mailbox.Id, [TestMessages.Create("a"), TestMessages.Create("b"), TestMessages.Create("c")], Ct);
        await Store.Messages.AppendAsync(bobs.Id, [TestMessages.Create("bob's")], Ct);
        await Store.Messages.CopyAsync(mailbox.Id, [1, 2], archive.Id, move: false, Ct);
        Assert.Equal(4, await CountIndexedTextsAsync());

        await Store.Messages.ExpungeAsync(mailbox.Id, [1, 3], Ct);
        Assert.Equal(3, await CountIndexedTextsAsync());
        await Store.Mailboxes.DeleteAsync(archive.Id, Ct);
        Assert.Equal(2, await CountIndexedTextsAsync());
        await Store.Accounts.DeleteAsync(bob.Id, Ct);
        await Store.Maintenance.CompactAsync(0.5, Ct);
        Assert.Equal(1, await CountIndexedTextsAsync());
    }

    private async Task<long> CountIndexedTextsAsync()
    {
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_directory.File("postern.db")};Pooling=False");
        await connection.OpenAsync(Ct);
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM message_text";
        return (long)(await count.ExecuteScalarAsync(Ct))!;
    }

    [Fact]
    public async Task QueuedMessagesSurviveReopening()
    {
        var entry = await Store.Outbound.EnqueueAsync(new NewOutboundMessage(null, "a@example.com", ["b@remote.example"], new byte[] { 1, 2, 3 }, false, "held"), Ct);
        await Store.DisposeAsync();

        await using var reopened = await OpenAsync();

        var stored = await reopened.Outbound.GetAsync(entry.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal((entry.Sender, entry.Size, entry.Status, entry.Queued), (stored.Sender, stored.Size, stored.Status, stored.Queued));
        Assert.Equal(entry.Recipients, stored.Recipients);
    }

    [Fact]
    public async Task AVersionOneDatabaseIsMigratedAndItsMessagesWaitUnindexed()
    {
        await Store.DisposeAsync();
        File.Delete(_directory.File("postern.db"));
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_directory.File("postern.db")};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var stream = typeof(SqliteStore).Assembly.GetManifestResourceStream("Schema.001-initial.sql")!;
            await using var setup = connection.CreateCommand();
            setup.CommandText = await new StreamReader(stream).ReadToEndAsync(Ct) +
                """
                PRAGMA user_version = 1;
                INSERT INTO domains (id, name, created) VALUES (1, 'example.com', 0);
                INSERT INTO accounts (id, domain_id, name, password_hash, created) VALUES (1, 1, 'alice', 'h', 0);
                INSERT INTO mailboxes (id, account_id, name, uid_validity, uid_next, highest_modseq, message_count, created)
                    VALUES (1, 1, 'INBOX', 1, 2, 1, 1, 0);
                INSERT INTO blob_packs (id, committed_length) VALUES (1, 0);
                INSERT INTO messages (id, mailbox_id, uid, modseq, flags, internal_date, size, pack_id, pack_offset, subject_key,
                    from_key, to_key, has_attachments, priority) VALUES (1, 1, 1, 1, 0, 0, 0, 1, 0, 'old', 'a', 'b', 0, 3);
                INSERT INTO message_details (message_rowid, headers, preview) VALUES (1, x'', '');
                """;
            await setup.ExecuteNonQueryAsync(Ct);
        }

        await using var migrated = await OpenAsync();

        Assert.Equal([1u], (await migrated.Messages.ListAsync(1, MessageSortField.Subject, false, MessageFlagFilter.All, Ct)).Entries.Select(e => e.Uid));
        Assert.Equal([1u], await migrated.Messages.ListUnindexedAsync(1, 10, Ct));
        await migrated.Messages.SetTextAsync(1, 1, MessageText.Empty with { Body = "rediscovered" }, Ct);
        Assert.Equal([1u], await migrated.Messages.SearchAsync(1, new MessageQuery.Text(MessageTextField.Body, ["rediscovered"]), Ct));
    }

    [Fact]
    public async Task FileStorageLivesUnderTheAccountIdAndHidesWhatACrashedWriteLeft()
    {
        var (_, account) = await CreateAccountAsync();
        await Store.Files.WriteAsync(account.Id, Files.FilePath.Parse("kept.txt"), new MemoryStream([1, 2, 3]), Files.FileWriteMode.Replace,
            Files.FileStorageQuota.Default, Ct);
        var folder = _directory.File("files", account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // What a process killed between creating its temporary file and renaming it leaves behind.
        var abandoned = Path.Combine(folder, ".tmp-0123456789abcdef");
        await File.WriteAllBytesAsync(abandoned, new byte[1000], Ct);
        File.SetLastWriteTimeUtc(abandoned, DateTime.UtcNow.AddHours(-2));

        var listed = await Store.Files.ListAsync(account.Id, Files.FilePath.Root, Ct);
        var usage = await Store.Files.GetUsageAsync(account.Id, Ct);

        Assert.True(File.Exists(Path.Combine(folder, "kept.txt")));
        Assert.Equal(["kept.txt"], listed.Select(e => e.Name));
        Assert.Equal(new Files.FileStorageUsage(3, 1), usage);
        Assert.False(File.Exists(abandoned));
    }
}
