using System.Xml.Linq;

namespace Postern.Architecture.Tests;

/// <summary>Enforces the dependency arrows of ARCHITECTURE.md on the project files themselves.</summary>
public class ProjectDependencyTests
{
    /// <summary>
    /// Every src project and the Postern projects it may reference directly. A project missing from
    /// this table fails the build of the rules: adding a project means deciding where it sits.
    /// </summary>
    private static readonly Dictionary<string, string[]> s_allowed = new()
    {
        // Format and language libraries: BCL only (Templates shares Data's value model).
        ["Postern.Data"] = [],
        ["Postern.Ximss.Protocol"] = [],
        ["Postern.Templates"] = ["Postern.Data"],
        // File ranges lent as memory, for the MIME library's message files and the SQLite store's pack files.
        ["Postern.FileMapping"] = [],
        ["Postern.Mime"] = ["Postern.FileMapping"],
        // HTML safety for mail shown in browsers: BCL plus the AngleSharp HTML parser.
        ["Postern.Html"] = [],

        // Store contract, then its providers (which only the composition root may reference).
        ["Postern.Storage"] = [],
        ["Postern.Storage.Sqlite"] = ["Postern.Storage", "Postern.FileMapping"],

        // Domain services.
        ["Postern.Accounts"] = ["Postern.Storage", "Postern.Data"],
        ["Postern.Mail"] = ["Postern.Storage", "Postern.Accounts", "Postern.Mime", "Postern.Data"],
        ["Postern.Skins"] = ["Postern.Templates", "Postern.Data"],
        ["Postern.Sessions"] = ["Postern.Accounts"],

        // Protocols and presentation.
        ["Postern.Ximss"] = ["Postern.Ximss.Protocol", "Postern.Sessions", "Postern.Accounts", "Postern.Mail", "Postern.Storage",
            "Postern.Mime", "Postern.Data"],
        ["Postern.WebUser"] = ["Postern.Templates", "Postern.Skins", "Postern.Html", "Postern.Sessions", "Postern.Accounts", "Postern.Mail",
            "Postern.Storage", "Postern.Mime", "Postern.Data"],

        // Composition root: may know everything.
        ["Postern.Server"] = ["*"],
    };

    private static readonly string[] s_storageProviders = ["Postern.Storage.Sqlite", "Postern.Storage.Postgres"];

    public static TheoryData<string> SourceProjects() => new(ProjectNames());

    private static IEnumerable<string> ProjectNames() =>
        Directory.GetDirectories(Path.Combine(RepositoryRoot, "src")).Select(d => Path.GetFileName(d)).Order();

    [Theory]
    [MemberData(nameof(SourceProjects))]
    public void ProjectReferencesOnlyWhatTheArchitectureAllows(string project)
    {
        Assert.True(s_allowed.TryGetValue(project, out var allowed),
            $"{project} is not in the architecture table; decide which projects it may use and add it.");
        if (allowed.Contains("*"))
            return;

        var illegal = ReferencesOf(project).Except(allowed).ToArray();
        Assert.True(illegal.Length == 0, $"{project} must not reference {string.Join(", ", illegal)}.");
    }

    [Fact]
    public void StorageProvidersAreReferencedOnlyByTheCompositionRoot()
    {
        foreach (var project in ProjectNames())
        {
            if (project == "Postern.Server")
                continue;
            var offending = ReferencesOf(project).Intersect(s_storageProviders).ToArray();
            Assert.True(offending.Length == 0, $"{project} references the storage provider {string.Join(", ", offending)}.");
        }
    }

    private static IEnumerable<string> ReferencesOf(string project)
    {
        var file = Path.Combine(RepositoryRoot, "src", project, project + ".csproj");
        return XDocument.Load(file).Descendants("ProjectReference")
            .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')));
    }

    private static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Postern.slnx")))
                return dir.FullName;
        }
        throw new InvalidOperationException("Postern.slnx not found above " + AppContext.BaseDirectory);
    }
}
