using System.Text;

namespace Lab.Orchestrator.Core.Pipeline;

/// <summary>
/// Reads what a board's console capture file gained since the last look, line by line, and picks out kernel
/// problem lines (<see cref="KernelProblems"/>). Lines longer than 4 KiB are cut; a partial last line waits for its end.
/// </summary>
public sealed class ConsoleWatch(string path, long offset)
{
    private const int MaxLine = 4096;
    private readonly string _path = path;
    private readonly StringBuilder _partial = new();
    private long _offset = offset;

    /// <summary>When the capture last grew (on the watch's clock), for "console silent" decisions.</summary>
    public long LastGrowth { get; private set; }

    /// <summary>The complete new lines since the last call; none when the file cannot be read.</summary>
    public IReadOnlyList<string> ReadNew(long now)
    {
        List<string> lines = [];
        try
        {
            using var stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length < _offset)
            {
                _offset = 0; // a new boot's capture started over
            }

            if (stream.Length == _offset)
            {
                return lines;
            }

            stream.Seek(_offset, SeekOrigin.Begin);
            var buffer = new byte[Math.Min(stream.Length - _offset, 1 << 20)];
            var n = stream.Read(buffer, 0, buffer.Length);
            _offset += n;
            LastGrowth = now;
            foreach (var c in Encoding.UTF8.GetString(buffer, 0, n))
            {
                if (c == '\n')
                {
                    lines.Add(_partial.ToString().TrimEnd('\r'));
                    _partial.Clear();
                }
                else if (_partial.Length < MaxLine)
                {
                    _partial.Append(c);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A console that cannot be read tells nothing; the SSH probe still does.
        }

        return lines;
    }
}
