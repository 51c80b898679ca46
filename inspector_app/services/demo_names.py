"""Plausible Chinese names, identity numbers and phones for demo profiles (seeded)."""

from __future__ import annotations

import random
import uuid

from inspector_app.domain.validators import resident_id_check_char, uscc_check_char

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国玉兰峰鹏宇浩然晨阳欣怡子涵梓萱一诺佳琪文博志远海波红梅春燕立新永胜金凤淑珍德胜庆国"
BRAND_WORDS = [
    "鑫源", "泉城", "鲁味", "齐鲁", "福满", "聚香", "盛世", "佳和", "明湖", "趵突", "老街", "百姓",
    "金桥", "恒达", "顺发", "宏运", "兴旺", "瑞祥", "华联", "大舜", "千佛", "济泺", "鹊华", "东岳",
    "和顺", "万家", "新华", "荣昌", "德润", "祥和", "开元", "金鼎", "惠民", "阳光", "彩虹", "天成",
]
SHOPS = [
    ("便利店", "商铺"), ("超市", "商场"), ("水果店", "商铺"), ("五金店", "商铺"), ("理发店", "商铺"),
    ("家常菜馆", "商铺"), ("把子肉", "商铺"), ("烧烤店", "商铺"), ("面馆", "商铺"), ("包子铺", "商铺"),
    ("茶叶店", "商铺"), ("药店", "商铺"), ("烟酒店", "商铺"), ("服装店", "商铺"), ("鞋店", "商铺"),
    ("眼镜店", "商铺"), ("手机维修", "商铺"), ("干洗店", "商铺"), ("花店", "商铺"), ("蛋糕房", "商铺"),
    ("宾馆", "宾馆"), ("快捷酒店", "酒店"), ("KTV", "文化娱乐场所"), ("健身房", "体育场馆"),
    ("农贸市场", "农贸市场"), ("诊所", "医院"), ("书店", "商铺"), ("洗车行", "商铺"),
    ("汽车美容", "商铺"), ("家电维修部", "商铺"), ("早餐店", "商铺"), ("火锅店", "商铺"),
]
COMPANY_SUFFIX = ["商贸有限公司", "餐饮管理有限公司", "科技有限公司", "物业服务有限公司", "酒店管理有限公司"]
INSTITUTIONS = [
    ("社区居民委员会", "社区(村)"), ("小学", "学校"), ("幼儿园", "学校"), ("卫生服务中心", "医院"),
    ("街道办事处", "行政机关"), ("供电营业厅", "行政机关"), ("邮政支局", "行政机关"),
]


class DemoRandom(random.Random):
    """``random.Random`` with helpers for demo records."""

    def uuid(self) -> str:
        """A UUIDv7-shaped id from the seeded generator (deterministic demo ids)."""
        value = self.getrandbits(128)
        value = (value & ~(0xF << 76)) | (0x7 << 76)
        value = (value & ~(0x3 << 62)) | (0x2 << 62)
        return str(uuid.UUID(int=value))

    def person(self) -> str:
        """A Chinese personal name."""
        given = self.choice(GIVEN) + (self.choice(GIVEN) if self.random() < 0.7 else "")
        return self.choice(SURNAMES) + given

    def mobile(self) -> str:
        """A valid mainland mobile number."""
        return self.choice(["13", "15", "17", "18", "19"]) + "".join(
            str(self.randrange(10)) for _ in range(9)
        )

    def resident_id(self, region: str) -> str:
        """A resident ID number with a correct check character."""
        year = self.randrange(1960, 2002)
        first17 = f"{region}{year}{self.randrange(1, 13):02d}{self.randrange(1, 29):02d}"
        first17 += f"{self.randrange(1000):03d}"
        return first17 + resident_id_check_char(first17)

    def uscc(self, prefix: str, region: str) -> str:
        """A unified social credit code (GB 32100) whose body is a valid GB 11714 code."""
        body = "".join(str(self.randrange(10)) for _ in range(8))
        weights = (3, 7, 9, 10, 5, 8, 4, 2)
        c = 11 - sum(int(d) * w for d, w in zip(body, weights, strict=True)) % 11
        org = body + ("X" if c == 10 else "0" if c == 11 else str(c))
        first17 = prefix + region + org
        return first17 + uscc_check_char(first17)

    def unit_identity(self, region: str) -> dict[str, str | None]:
        """Name, kind, category and codes of one frontage unit."""
        roll = self.random()
        brand = self.choice(BRAND_WORDS)
        if roll < 0.70:
            shop, category = self.choice(SHOPS)
            name = (self.choice(SURNAMES) + "记" if self.random() < 0.2 else brand) + shop
            return {
                "name": name,
                "kind": "individual",
                "category": category,
                "uscc": self.uscc("92", region) if self.random() < 0.9 else None,
                "id_number": self.resident_id(region),
            }
        if roll < 0.93:
            suffix = self.choice(COMPANY_SUFFIX)
            return {
                "name": f"济南{brand}{suffix}",
                "kind": "enterprise",
                "category": "商场" if "商贸" in suffix else "酒店" if "酒店" in suffix else "商铺",
                "uscc": self.uscc("91", region),
                "id_number": None,
            }
        inst, category = self.choice(INSTITUTIONS)
        return {
            "name": brand + inst,
            "kind": "institution",
            "category": category,
            "uscc": self.uscc("12", region),
            "id_number": None,
        }
