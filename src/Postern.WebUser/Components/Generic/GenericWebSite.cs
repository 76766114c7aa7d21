using System.Globalization;
using Postern.Data;
using Postern.Storage.Files;
using Postern.WebUser.Files;
using Postern.WebUser.Mail;

namespace Postern.WebUser.Components.Generic;

/// <summary>
/// The generic WebSite component: one folder of the account's File Storage, with uploads, new folders and
/// deletion. The seed names the component without listing its parameters or keys; the ones here are
/// Postern's (docs/webuser.md § WebSite).
/// </summary>
public static class GenericWebSite
{
    /// <summary>The request parameters that change the File Storage (and so need the form token).</summary>
    public static IReadOnlySet<string> ActionParameters { get; } = new HashSet<string>(["Upload", "CreateFolder", "Delete"], StringComparer.Ordinal);

    /// <summary>The form field of uploaded files.</summary>
    public const string UploadField = "UploadFile";

    public static async Task ProcessAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var parameters = context.Parameters;
        var files = context.Services.Store.Files;
        var account = context.Account.Id;
        var ct = context.CancellationToken;
        var quota = AccountFileQuota.For(context.Account);

        var folder = FilePath.Root;
        if (!FilePath.TryParse(parameters["folder"] ?? "", out folder, out var problem))
        {
            context.SetError(FileStorageException.TextOf(FileStorageError.BadName) + ": " + problem);
            folder = FilePath.Root;
        }

        if (parameters.Has("CreateFolder") && parameters.TryGetNonEmpty("NewName", out var newName)
            && await context.TryAsync(() => files.CreateFolderAsync(account, folder.Append(newName.Trim()), quota, ct)))
            context.SetMessage("FolderCreated");

        if (parameters.Has("Upload"))
            await UploadAsync(context, folder, quota);

        if (parameters.Has("Delete") && await context.TryAsync(() => DeleteAsync(context, folder)))
            context.SetMessage("FilesDeleted");

        IReadOnlyList<FileEntry> entries = [];
        if (!await context.TryAsync(async () => entries = await files.ListAsync(account, folder, ct)))
        {
            folder = FilePath.Root;
            entries = await files.ListAsync(account, folder, ct);
        }
        var dataset = context.Dataset;
        dataset["folder"] = folder.Value;
        if (!folder.IsRoot)
            dataset["parentFolder"] = folder.Parent.Value;
        dataset["files"] = new DataArray(entries.Select(EntryData));
        dataset["nFiles"] = entries.Count.ToString(CultureInfo.InvariantCulture);
        var usage = await files.GetUsageAsync(account, ct);
        dataset["currentStorage"] = SizeText.RoundUp(usage.Bytes);
        dataset["storageLimit"] = quota.MaxTotalBytes == long.MaxValue ? "unlimited" : SizeText.RoundUp(quota.MaxTotalBytes);
        dataset["fileLimit"] = SizeText.RoundUp(quota.MaxFileBytes);
    }

    /// <summary>The folders to choose from where files are stored (the Message page's <c>webFolders</c>).</summary>
    public static async Task<DataArray> FoldersAsync(ComponentContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var folders = await context.Services.Store.Files.ListFoldersAsync(context.Account.Id, context.CancellationToken);
        return DataArray.OfStrings(folders.Select(f => f.Value));
    }

    private static async Task UploadAsync(ComponentContext context, FilePath folder, FileStorageQuota quota)
    {
        var uploads = context.Parameters.Files.Where(f => f.ParameterName == UploadField && (f.FileName.Length > 0 || f.Content.Length > 0)).ToArray();
        if (uploads.Length == 0)
        {
            context.SetError("no file was chosen");
            return;
        }
        var stored = await context.TryAsync(async () =>
        {
            foreach (var upload in uploads)
            {
                await using var content = ReadOnlyMemoryStream.Of(upload.Content);
                await context.Services.Store.Files.WriteAsync(context.Account.Id, folder.Append(Attachments.CleanFileName(upload.FileName, null)), content,
                    FileWriteMode.CreateNumbered, quota, context.CancellationToken);
            }
        });
        if (stored)
            context.SetMessage("FilesUploaded");
    }

    /// <summary>Deletes the files and (empty) folders named by the <c>Sel</c> parameters in <paramref name="folder"/>.</summary>
    private static async Task DeleteAsync(ComponentContext context, FilePath folder)
    {
        var files = context.Services.Store.Files;
        var entries = await files.ListAsync(context.Account.Id, folder, context.CancellationToken);
        foreach (var name in context.Parameters.GetAll("Sel"))
        {
            var path = folder.Append(name);
            if (entries.FirstOrDefault(e => e.Path.Equals(path)) is not { } entry)
                throw new FileStorageException(FileStorageError.NotFound, path.Value);
            if (entry.IsFolder)
                await files.DeleteFolderAsync(context.Account.Id, path, context.CancellationToken);
            else
                await files.DeleteFileAsync(context.Account.Id, path, context.CancellationToken);
        }
    }

    private static DataDictionary EntryData(FileEntry entry)
    {
        var data = new DataDictionary
        {
            ["name"] = entry.Name,
            ["path"] = entry.Path.Value,
            ["modified"] = new DataTimestamp(entry.Modified.UtcDateTime),
        };
        if (entry.IsFolder)
        {
            data["isFolder"] = DataString.Yes;
        }
        else
        {
            data["href"] = WebFileResponder.UrlPathOf(entry.Path);
            data["size"] = SizeText.Round(entry.Size);
            data["bytes"] = entry.Size.ToString(CultureInfo.InvariantCulture);
        }
        return data;
    }
}
