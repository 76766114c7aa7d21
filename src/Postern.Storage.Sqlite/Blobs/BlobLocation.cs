namespace Postern.Storage.Sqlite.Blobs;

/// <summary>Where a message's bytes are: a range of one pack file.</summary>
internal readonly record struct BlobLocation(long PackId, long Offset, long Length);
