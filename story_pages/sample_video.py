"""Generates small real MP4 files with PyAV, for demo content and tests."""

import colorsys

import av


def write_sample_video(path, seconds: int, width: int = 320, height: int = 180, fps: int = 1):
    """Encode an H.264 MP4 of ``seconds`` seconds whose colour drifts frame by frame."""
    with av.open(str(path), mode="w", format="mp4") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height = width, height
        stream.pix_fmt = "yuv420p"
        stream.options = {"preset": "ultrafast", "crf": "35"}
        frames = max(1, seconds * fps)
        for index in range(frames):
            red, green, blue = colorsys.hsv_to_rgb(index / frames, 0.55, 0.85)
            frame = av.VideoFrame(width, height, "rgb24")
            frame.planes[0].update(
                bytes((int(red * 255), int(green * 255), int(blue * 255))) * (width * height)
            )
            frame.pts = index
            for packet in stream.encode(frame.reformat(format="yuv420p")):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path
