namespace Postern.Storage.Files;

/// <summary>The limits one account's File Storage writes are held to.</summary>
/// <param name="MaxTotalBytes">The sum of the sizes of all its files.</param>
/// <param name="MaxFileBytes">The size of any one file.</param>
/// <param name="MaxEntries">How many files and folders it may have.</param>
public sealed record FileStorageQuota(long MaxTotalBytes, long MaxFileBytes, int MaxEntries)
{
    /// <summary>
    /// What an account gets when its settings say nothing: 100 MiB in all (CommuniGate leaves File
    /// Storage to the administrator; 100 MiB holds a personal web site and a good many saved attachments),
    /// 25 MiB per file (the largest attachment the common mail services accept, so any stored attachment
    /// fits), and 10,000 files and folders (keeps the walk that measures usage short).
    /// </summary>
    public static FileStorageQuota Default { get; } = new(100L << 20, 25L << 20, 10_000);
}
