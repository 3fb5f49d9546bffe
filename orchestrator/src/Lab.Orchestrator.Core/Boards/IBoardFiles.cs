namespace Lab.Orchestrator.Core.Boards;

/// <summary>File transfer to a booted board.</summary>
public interface IBoardFiles
{
    /// <summary>
    /// Puts <paramref name="localPath"/> at <paramref name="remotePath"/> with <paramref name="unixMode"/> unless the
    /// board already has the same content; a reader on the board never sees half a file.
    /// </summary>
    Task<UploadResult> UploadIfChangedAsync(string localPath, string remotePath, int unixMode, CancellationToken ct);
}
