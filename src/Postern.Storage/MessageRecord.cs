namespace Postern.Storage;

/// <summary>A new message to append: its bytes, initial flags and the summary computed from it.</summary>
/// <param name="Content">The whole message as it is stored and later served, byte for byte.</param>
/// <param name="InternalDate">When the message arrived (IMAP INTERNALDATE).</param>
/// <param name="Text">
/// The words full-text search finds the message by, indexed in the append's transaction. Null leaves the
/// message unindexed until <see cref="IMessageRepository.SetTextAsync"/> catches up.
/// </param>
public sealed record NewMessage(
    ReadOnlyMemory<byte> Content,
    MessageFlags Flags,
    IReadOnlyList<string> Keywords,
    DateTimeOffset InternalDate,
    MessageSummary Summary,
    MessageText? Text = null);

/// <summary>A stored message's metadata (its bytes are read through <see cref="IMessageRepository.OpenContentAsync"/>).</summary>
/// <param name="ModSeq">The mailbox modification sequence of the message's last change.</param>
/// <param name="Size">The size of the stored bytes.</param>
public sealed record MessageRecord(
    long MailboxId,
    uint Uid,
    long ModSeq,
    MessageFlags Flags,
    IReadOnlyList<string> Keywords,
    DateTimeOffset InternalDate,
    long Size,
    MessageSummary Summary);

/// <summary>The small part of a message a sorted folder view or a sync keeps per message.</summary>
public readonly record struct MessageViewEntry(uint Uid, MessageFlags Flags, long ModSeq);

/// <summary>The UID and modification sequence an appended message received.</summary>
public readonly record struct AppendedMessage(uint Uid, long ModSeq);

/// <summary>A message copied (or moved) and the UID it got in the target mailbox.</summary>
public readonly record struct CopiedMessage(uint SourceUid, uint TargetUid);
