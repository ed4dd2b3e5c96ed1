"""Each demo story's own illustration, generated (the project ships no binaries), and its alt text
in Vietnamese and English."""

from dataclasses import dataclass

from story_pages.demo.illustration.canvas import SCENES, draw_illustration
from story_pages.demo.illustration.motifs import MOTIFS
from story_pages.provinces.register import load_records


@dataclass(frozen=True)
class StoryPicture:
    slug: str
    theme: str
    motif: str
    scene: str
    province_code: str

    @classmethod
    def of(cls, story: dict) -> "StoryPicture":
        """The picture of a story of ``demo_data/stories.json``."""
        picture = story["picture"]
        return cls(story["slug"], story["theme"], picture["motif"], picture["scene"], story["province_code"])

    def png(self) -> bytes:
        places = [(r.code, r.longitude, r.latitude) for r in load_records() if r.longitude is not None]
        return draw_illustration(
            seed=self.slug,
            theme=self.theme,
            motif=self.motif,
            scene=self.scene,
            province_code=self.province_code,
            places=places,
        )

    def alt_text(self, language: str) -> str:
        """What the picture shows, written for the story's page in that language."""
        province = next(r for r in load_records() if r.code == self.province_code)
        motif, scene = MOTIFS[self.motif], SCENES[self.scene]
        if language == "vi":
            where = province.official_name[0].lower() + province.official_name[1:]
            return (
                f"Hình minh hoạ: {motif.vi} trên nền phong cảnh {scene.vi}; bên phải, "
                f"bản đồ Việt Nam đánh dấu vị trí {where}."
            )
        return (
            f"Illustration: {motif.en}, over a landscape of {scene.en}; on the right, a map of "
            f"Vietnam marks where {province.short_name} is."
        )
